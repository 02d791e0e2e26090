package dev.rapport.team.security;

import dev.rapport.team.Role;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in member, as stored in the session. Holds no password once authenticated (Spring
 * Security erases credentials after sign-in).
 */
public final class MemberPrincipal implements UserDetails, CredentialsContainer, Serializable {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final String email;
    private final String name;
    private final Role role;
    private final boolean enabled;
    private final boolean locked;
    private @Nullable String password;

    public MemberPrincipal(
            long id, String email, String name, Role role, boolean enabled, boolean locked, @Nullable String password) {
        this.id = id;
        this.email = email;
        this.name = name;
        this.role = role;
        this.enabled = enabled;
        this.locked = locked;
        this.password = password;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public @Nullable String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        password = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MemberPrincipal that && that.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "MemberPrincipal[" + id + "]";
    }
}
