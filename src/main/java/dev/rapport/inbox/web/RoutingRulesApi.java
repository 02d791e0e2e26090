package dev.rapport.inbox.web;

import dev.rapport.inbox.Routing;
import dev.rapport.inbox.RoutingRule;
import dev.rapport.inbox.RoutingRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/inbox/rules}: everyone reads the routing rules; admins edit them. */
@RestController
@RequestMapping(path = "/api/v1/inbox/rules", produces = "application/json")
@Tag(name = "Inbox")
class RoutingRulesApi {

    private final Routing routing;
    private final RoutingRules rules;

    RoutingRulesApi(Routing routing, RoutingRules rules) {
        this.routing = routing;
        this.rules = rules;
    }

    @GetMapping
    @Operation(summary = "The routing rules in order: the enabled ones, or with all=true the disabled ones too")
    List<RoutingRule> rules(@RequestParam(defaultValue = "false") boolean all) {
        return all ? rules.all() : routing.rules();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Add a rule after the last one")
    RoutingRule add(@RequestBody RoutingRules.Definition definition) {
        return rules.add(definition);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Change a rule's name, conditions, action or enabled state (not its place)")
    RoutingRule change(@PathVariable long id, @RequestBody RoutingRules.Definition definition) {
        return rules.change(id, definition);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Delete a rule")
    void remove(@PathVariable long id) {
        rules.remove(id);
    }

    @PutMapping("/order")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Reorder the rules: the ids of every rule, first to last")
    List<RoutingRule> reorder(@RequestBody List<Long> ids) {
        return rules.reorder(ids);
    }
}
