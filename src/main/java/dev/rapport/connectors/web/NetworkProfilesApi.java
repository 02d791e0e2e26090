package dev.rapport.connectors.web;

import dev.rapport.connectors.NetworkProfiles;
import dev.rapport.connectors.NetworkProfiles.Change;
import dev.rapport.connectors.TextLength;
import dev.rapport.connectors.spi.NetworkProfile;
import dev.rapport.core.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/network-profiles}: what each network expects of a post, with sources. */
@RestController
@RequestMapping(path = "/api/v1/network-profiles", produces = "application/json")
@Tag(name = "Network profiles")
class NetworkProfilesApi {

    private final NetworkProfiles profiles;

    NetworkProfilesApi(NetworkProfiles profiles) {
        this.profiles = profiles;
    }

    /** A text to measure, and the connection settings of a Mastodon account if its server's limit should apply. */
    record Measure(
            @NotNull @Size(max = 100_000) String text,
            @Nullable Map<String, String> settings) {}

    /** The network's count of the text, its limit, and whether the text is over it. */
    record Measured(
            int count, @Nullable Integer max, @Nullable Integer remaining, boolean over) {
        static Measured of(TextLength length) {
            return new Measured(length.count(), length.max(), length.remaining(), length.over());
        }
    }

    @GetMapping
    @Operation(
            summary = "Every network's profile: text limit and counting, hashtags, links, media, languages, tone, "
                    + "posting windows, posting API — each fact with its source")
    List<NetworkProfile> all() {
        return profiles.all();
    }

    @GetMapping("/{network}")
    @Operation(summary = "One network's profile")
    NetworkProfile one(@PathVariable String network) {
        return profiles.profile(network).orElseThrow(() -> Refusal.notFound("network-profile.unknown", network));
    }

    @PostMapping("/{network}/length")
    @Operation(
            summary = "Count a text the network's way (X: twitter-text weighted; Bluesky: graphemes; Mastodon: "
                    + "the server's limit, URLs as 23)")
    Measured length(@PathVariable String network, @Valid @RequestBody Measure measure) {
        return Measured.of(
                profiles.length(network, measure.text(), measure.settings() == null ? Map.of() : measure.settings()));
    }

    @PutMapping("/{network}")
    @Operation(
            summary =
                    "Adjust a profile for this workspace (admins); the reason is recorded as the changed facts' source")
    NetworkProfile change(@PathVariable String network, @Valid @RequestBody Change change) {
        return profiles.change(network, change);
    }

    @DeleteMapping("/{network}/changes")
    @Operation(summary = "Go back to the built-in profile (admins)")
    NetworkProfile reset(@PathVariable String network) {
        return profiles.reset(network);
    }
}
