package dev.rapport.team;

/** A member who can now set a password through the one-time {@code /invitation/{token}} link. */
public record Invited(MemberView member, String token) {

    public String path() {
        return "/invitation/" + token;
    }
}
