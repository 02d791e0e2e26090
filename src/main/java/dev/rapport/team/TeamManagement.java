package dev.rapport.team;

import dev.rapport.core.Languages;
import dev.rapport.core.Refusal;
import dev.rapport.team.Commands.AddDepartment;
import dev.rapport.team.Commands.ChangeMember;
import dev.rapport.team.Commands.ChangeWorkspace;
import dev.rapport.team.Commands.InviteMember;
import dev.rapport.team.Commands.SetUpWorkspace;
import dev.rapport.team.TeamEvents.*;
import dev.rapport.team.domain.Department;
import dev.rapport.team.domain.Departments;
import dev.rapport.team.domain.Invitation;
import dev.rapport.team.domain.Invitations;
import dev.rapport.team.domain.Member;
import dev.rapport.team.domain.Members;
import dev.rapport.team.domain.PasswordPolicy;
import dev.rapport.team.domain.Secrets;
import dev.rapport.team.domain.Workspaces;
import dev.rapport.team.security.MemberSessions;
import dev.rapport.team.security.SignIns;
import jakarta.validation.Validator;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The team module's facade: workspace, members, departments, invitations and passwords. */
@Service
@Transactional
public class TeamManagement {

    private final Workspaces workspaces;
    private final Members members;
    private final Departments departments;
    private final Invitations invitations;
    private final PasswordEncoder passwords;
    private final MemberSessions sessions;
    private final AccessTokenManagement tokens;
    private final SignIns signIns;
    private final Validator validator;
    private final ApplicationEventPublisher events;
    private final Duration invitationValidity;

    TeamManagement(
            Workspaces workspaces,
            Members members,
            Departments departments,
            Invitations invitations,
            PasswordEncoder passwords,
            MemberSessions sessions,
            AccessTokenManagement tokens,
            SignIns signIns,
            Validator validator,
            ApplicationEventPublisher events,
            @Value("${rapport.invitation.validity}") Duration invitationValidity) {
        this.workspaces = workspaces;
        this.members = members;
        this.departments = departments;
        this.invitations = invitations;
        this.passwords = passwords;
        this.sessions = sessions;
        this.tokens = tokens;
        this.signIns = signIns;
        this.validator = validator;
        this.events = events;
        this.invitationValidity = invitationValidity;
    }

    // --- workspace ---------------------------------------------------------------------------

    /** True until the first admin exists: the setup page and the start-up admin are open. */
    @Transactional(readOnly = true)
    public boolean setupRequired() {
        return members.countByRole(Role.ADMIN) == 0;
    }

    /** Creates (or names) the workspace and its first admin; refused once an admin exists. */
    public MemberView setUp(SetUpWorkspace command) {
        if (!setupRequired()) {
            throw Refusal.conflict("setup.already-done");
        }
        var violations = validator.validate(command);
        if (!violations.isEmpty()) {
            throw Refusal.invalid(
                    "setup.invalid",
                    violations.stream()
                            .map(violation -> violation.getPropertyPath().toString())
                            .sorted()
                            .collect(java.util.stream.Collectors.joining(", ")));
        }
        zone(command.timeZone());
        Actor actor = Actor.current();
        workspaces.save(new WorkspaceView(command.workspaceName().strip(), command.language(), command.timeZone()));
        events.publishEvent(
                new WorkspaceCreated(command.adminEmail(), command.workspaceName(), actor.source(), Instant.now()));
        Member admin = newMember(
                new InviteMember(command.adminName(), command.adminEmail(), Role.ADMIN, null, command.language()));
        PasswordPolicy.check(command.password(), admin.email());
        admin.setPasswordHash(passwords.encode(command.password()));
        return members.save(admin).view();
    }

    @Transactional(readOnly = true)
    public WorkspaceView workspace() {
        return workspaces
                .find()
                .orElse(new WorkspaceView(
                        "Rapport", "en", ZoneId.systemDefault().getId()));
    }

    public WorkspaceView changeWorkspace(ChangeWorkspace command) {
        zone(command.timeZone());
        WorkspaceView before = workspace();
        WorkspaceView after = new WorkspaceView(command.name().strip(), command.defaultLanguage(), command.timeZone());
        workspaces.save(after);
        List<String> changes = new ArrayList<>();
        if (!before.name().equals(after.name())) changes.add("name");
        if (!before.defaultLanguage().equals(after.defaultLanguage())) changes.add("default language");
        if (!before.timeZone().equals(after.timeZone())) changes.add("time zone " + after.timeZone());
        Actor actor = Actor.current();
        events.publishEvent(new WorkspaceSettingsChanged(
                actor.email(),
                changes.isEmpty() ? "no change" : String.join(", ", changes),
                actor.source(),
                Instant.now()));
        return after;
    }

    // --- members -----------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<MemberView> members() {
        return members.findAllByOrderByDisplayNameAsc().stream()
                .map(Member::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public MemberView member(long id) {
        return load(id).view();
    }

    @Transactional(readOnly = true)
    public Optional<MemberView> memberByEmail(String email) {
        return members.findByEmailIgnoringCase(email).map(Member::view);
    }

    /** Adds a member without a password and issues the one-time link to set one. */
    public Invited invite(InviteMember command) {
        Member member = members.save(newMember(command));
        Actor actor = Actor.current();
        events.publishEvent(new MemberInvited(
                actor.email(), member.id(), member.email(), member.role(), actor.source(), Instant.now()));
        return new Invited(member.view(), issueLink(member));
    }

    /** A fresh one-time link for a member (invitation again, or a password reset); older links die. */
    public Invited issueSignInLink(long memberId) {
        Member member = load(memberId);
        if (!member.active()) {
            throw Refusal.invalid("member.inactive");
        }
        Actor actor = Actor.current();
        events.publishEvent(new SignInLinkIssued(actor.email(), memberId, actor.source(), Instant.now()));
        return new Invited(member.view(), issueLink(member));
    }

    @Transactional(readOnly = true)
    public Optional<MemberView> invitation(String token) {
        return usableInvitation(token)
                .map(invitation -> load(invitation.memberId()).view());
    }

    /** Sets the password through a one-time link, which is then spent. */
    public MemberView acceptInvitation(String token, String password) {
        Invitation invitation = usableInvitation(token).orElseThrow(() -> Refusal.notFound("invitation.invalid"));
        Member member = load(invitation.memberId());
        PasswordPolicy.check(password, member.email());
        member.setPasswordHash(passwords.encode(password));
        invitation.use(Instant.now());
        invitations.save(invitation);
        members.save(member);
        sessions.revokeAll(member.email());
        events.publishEvent(
                new PasswordChanged(member.email(), member.id(), Actor.current().source(), Instant.now()));
        return member.view();
    }

    public MemberView change(long memberId, ChangeMember command) {
        Member member = load(memberId);
        Actor actor = Actor.current();
        Instant now = Instant.now();
        List<String> changes = new ArrayList<>();
        boolean signOut = false;
        if (command.name() != null && !command.name().strip().equals(member.displayName())) {
            member.rename(command.name().strip());
            changes.add("name");
        }
        if (command.email() != null && !command.email().strip().equalsIgnoreCase(member.email())) {
            String email = normalisedEmail(command.email());
            if (members.findByEmailIgnoringCase(email).isPresent()) {
                throw Refusal.conflict("member.email-taken", email);
            }
            sessions.revokeAll(member.email());
            member.changeEmail(email);
            changes.add("e-mail");
        }
        if (command.departmentId() != null) {
            Long department =
                    command.departmentId() == Commands.NO_DEPARTMENT ? null : department(command.departmentId());
            if (!java.util.Objects.equals(department, member.departmentId())) {
                member.moveTo(department);
                changes.add("department");
            }
        }
        if (command.language() != null && !command.language().equals(member.language())) {
            member.speak(command.language());
            changes.add("language");
        }
        if (command.role() != null && command.role() != member.role()) {
            Role from = member.role();
            if (from == Role.ADMIN) {
                keepOneAdmin();
            }
            member.changeRole(command.role());
            events.publishEvent(
                    new MemberRoleChanged(actor.email(), memberId, from, command.role(), actor.source(), now));
            signOut = true;
        }
        if (command.active() != null && command.active() != member.active()) {
            if (command.active()) {
                member.reactivate();
                events.publishEvent(new MemberReactivated(actor.email(), memberId, actor.source(), now));
            } else {
                if (member.role() == Role.ADMIN) {
                    keepOneAdmin();
                }
                member.deactivate();
                invitations.expireOpen(memberId);
                // Revoked, not just refused: reactivating someone must not bring old tokens back.
                tokens.revokeAll(memberId);
                events.publishEvent(new MemberDeactivated(actor.email(), memberId, actor.source(), now));
                signOut = true;
            }
        }
        members.save(member);
        if (signOut) {
            // New role or no access: existing sessions carry the old rights, so they end now.
            sessions.revokeAll(member.email());
        }
        if (!changes.isEmpty()) {
            events.publishEvent(
                    new MemberChanged(actor.email(), memberId, String.join(", ", changes), actor.source(), now));
        }
        return member.view();
    }

    /** The member's own password change; other sessions end, this one stays. */
    public void changeOwnPassword(String currentPassword, String newPassword, String keepSessionId) {
        Actor actor = Actor.current();
        Member member = load(actor.requireMemberId());
        if (member.passwordHash() == null || !passwords.matches(currentPassword, member.passwordHash())) {
            throw Refusal.invalid("password.current-wrong");
        }
        PasswordPolicy.check(newPassword, member.email());
        member.setPasswordHash(passwords.encode(newPassword));
        members.save(member);
        sessions.revokeAllExcept(member.email(), keepSessionId);
        events.publishEvent(new PasswordChanged(actor.email(), member.id(), actor.source(), Instant.now()));
    }

    /** Re-authentication for sensitive actions (revealing a credential): the member's own password. */
    @Transactional(readOnly = true)
    public void confirmPassword(String password) {
        Actor actor = Actor.current();
        Member member = load(actor.requireMemberId());
        if (member.lockedAt(Instant.now())) {
            throw Refusal.invalid("password.locked");
        }
        if (member.passwordHash() == null || !passwords.matches(password, member.passwordHash())) {
            signIns.reauthenticationFailed(member.id(), actor.source());
            throw Refusal.invalid("password.current-wrong");
        }
    }

    public void changeOwnLanguage(String language) {
        Member member = load(Actor.current().requireMemberId());
        member.speak(Languages.tag(Languages.parse(language)));
        members.save(member);
    }

    /** Ends every session of a member ("sign out everywhere"). */
    public int revokeSessions(long memberId) {
        Member member = load(memberId);
        int count = sessions.revokeAll(member.email());
        Actor actor = Actor.current();
        events.publishEvent(new SessionsRevoked(actor.email(), memberId, count, actor.source(), Instant.now()));
        return count;
    }

    // --- departments -------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<DepartmentView> departments() {
        return departments.findAllByOrderByIdAsc().stream()
                .map(Department::view)
                .toList();
    }

    public DepartmentView addDepartment(AddDepartment command) {
        String name = command.name().strip();
        if (departments.countByName(name) > 0) {
            throw Refusal.conflict("department.exists", name);
        }
        DepartmentView department = departments.save(new Department(null, name)).view();
        Actor actor = Actor.current();
        events.publishEvent(new DepartmentAdded(actor.email(), department.id(), name, actor.source(), Instant.now()));
        return department;
    }

    // --- helpers -----------------------------------------------------------------------------

    private Member newMember(InviteMember command) {
        String email = normalisedEmail(command.email());
        if (members.findByEmailIgnoringCase(email).isPresent()) {
            throw Refusal.conflict("member.email-taken", email);
        }
        Long departmentId = command.departmentId() == null || command.departmentId() == Commands.NO_DEPARTMENT
                ? null
                : department(command.departmentId());
        return new Member(email, command.name().strip(), command.role(), departmentId, command.language());
    }

    private String issueLink(Member member) {
        invitations.expireOpen(member.id());
        String token = Secrets.random(32);
        invitations.save(
                new Invitation(member.id(), Secrets.sha256(token), Instant.now().plus(invitationValidity)));
        return token;
    }

    /** An unused, unexpired link of an active member. */
    private Optional<Invitation> usableInvitation(String token) {
        return invitations
                .findByTokenHash(Secrets.sha256(token))
                .filter(invitation -> invitation.usableAt(Instant.now()))
                .filter(invitation -> load(invitation.memberId()).active());
    }

    private Member load(long id) {
        return members.findById(id).orElseThrow(() -> Refusal.notFound("member.not-found", String.valueOf(id)));
    }

    private long department(long id) {
        if (!departments.existsById(id)) {
            throw Refusal.invalid("department.not-found", String.valueOf(id));
        }
        return id;
    }

    private void keepOneAdmin() {
        if (members.countByRoleAndActiveTrue(Role.ADMIN) <= 1) {
            throw Refusal.conflict("member.last-admin");
        }
    }

    private static void zone(String timeZone) {
        try {
            ZoneId.of(timeZone);
        } catch (RuntimeException e) {
            throw Refusal.invalid("workspace.time-zone-invalid", timeZone);
        }
    }

    private static String normalisedEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
