package dev.rapport.team.web;

import dev.rapport.team.AccessTokenManagement;
import dev.rapport.team.AccessTokenView;
import dev.rapport.team.Commands.AddDepartment;
import dev.rapport.team.Commands.ChangeMember;
import dev.rapport.team.Commands.CreateToken;
import dev.rapport.team.Commands.InviteMember;
import dev.rapport.team.CreatedToken;
import dev.rapport.team.DepartmentView;
import dev.rapport.team.InvitationMail;
import dev.rapport.team.MemberView;
import dev.rapport.team.TeamManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/members}, {@code /api/v1/departments} and {@code /api/v1/me/tokens}. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Team")
class TeamApi {

    private final TeamManagement team;
    private final AccessTokenManagement tokens;
    private final InvitationMail mail;

    TeamApi(TeamManagement team, AccessTokenManagement tokens, InvitationMail mail) {
        this.team = team;
        this.tokens = tokens;
        this.mail = mail;
    }

    /** A new member, the one-time link for them to set a password, and whether it was e-mailed. */
    record InvitedMember(MemberView member, String invitationUrl, boolean emailed) {}

    @GetMapping("/members")
    @Operation(summary = "All members of the workspace")
    List<MemberView> members() {
        return team.members();
    }

    @GetMapping("/members/{id}")
    MemberView member(@PathVariable long id) {
        return team.member(id);
    }

    @PostMapping("/members")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Invite a member (admins)")
    InvitedMember invite(@Valid @RequestBody InviteMember command) {
        var invited = team.invite(command);
        String url = MembersController.absolute(invited);
        return new InvitedMember(invited.member(), url, mail.send(invited, url));
    }

    @PatchMapping("/members/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Change a member's name, e-mail, role, department, language or active state (admins)")
    MemberView change(@PathVariable long id, @Valid @RequestBody ChangeMember command) {
        return team.change(id, command);
    }

    @GetMapping("/departments")
    List<DepartmentView> departments() {
        return team.departments();
    }

    @PostMapping("/departments")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    DepartmentView addDepartment(@Valid @RequestBody AddDepartment command) {
        return team.addDepartment(command);
    }

    @GetMapping("/me/tokens")
    List<AccessTokenView> myTokens() {
        return tokens.mine();
    }

    @PostMapping("/me/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a personal access token; the secret is in this response only")
    CreatedToken createToken(@Valid @RequestBody CreateToken command) {
        return tokens.create(command);
    }

    @DeleteMapping("/me/tokens/{id}")
    AccessTokenView revokeToken(@PathVariable long id) {
        return tokens.revoke(id);
    }
}
