package dev.rapport.connectors;

import dev.rapport.connectors.spi.NetworkProfile;
import dev.rapport.connectors.spi.NetworkProfile.Fact;
import dev.rapport.connectors.spi.NetworkProfile.Hashtags;
import dev.rapport.connectors.spi.NetworkProfile.Links;
import dev.rapport.connectors.spi.NetworkProfile.Media;
import dev.rapport.connectors.spi.NetworkProfile.TextLimit;
import dev.rapport.core.AuditRecord;
import dev.rapport.core.Audited;
import dev.rapport.core.Refusal;
import dev.rapport.team.Actor;
import dev.rapport.team.Role;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What each network expects of a post, for the composer's lint: the built-in profiles (each fact with
 * its source, in {@code network-profiles.json}), as adjusted by the workspace's admins, and the length
 * of a text counted each network's way.
 */
@Service
@Transactional(readOnly = true)
public class NetworkProfiles {

    static final String BUILT_IN = "/dev/rapport/connectors/network-profiles.json";

    /** What an admin may change in a profile, and why. */
    public record Change(
            @Nullable @Min(1) @Max(1_000_000) Integer textMax,
            @Nullable @Min(0) @Max(100) Integer hashtagsMax,
            @Nullable Boolean linksClickable,
            @Nullable Boolean mediaRequired,
            @Nullable @Min(0) @Max(100) Integer maxImages,
            @Nullable @Size(max = 200) String languages,
            @Nullable @Size(max = 1000) String toneEn,
            @Nullable @Size(max = 1000) String toneZh,
            @NotBlank @Size(max = 500) String reason) {}

    /** An admin changed a network's profile. */
    public record ProfileChanged(
            String actor,
            String network,
            String reason,
            @Nullable String source,
            Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(actor, "network-profile.changed", "network:" + network, reason, source, occurredAt);
        }
    }

    /** An admin went back to the built-in profile. */
    public record ProfileReset(
            String actor, String network, @Nullable String source, Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(actor, "network-profile.reset", "network:" + network, null, source, occurredAt);
        }
    }

    private final Map<String, NetworkProfile> builtIn;
    private final String checked;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    NetworkProfiles(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events) throws IOException {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        try (InputStream in = new ClassPathResource(BUILT_IN).getInputStream()) {
            JsonNode root = json.readTree(in);
            this.checked = root.path("checked").asString();
            Map<String, NetworkProfile> profiles = new LinkedHashMap<>();
            for (JsonNode node : root.path("profiles")) {
                NetworkProfile profile = json.treeToValue(node, NetworkProfile.class);
                profiles.put(profile.network(), profile);
            }
            this.builtIn = Map.copyOf(profiles);
            this.order = List.copyOf(profiles.keySet());
        }
    }

    private final List<String> order;

    /** When the built-in facts were last checked against their sources. */
    public String checked() {
        return checked;
    }

    /** Every network's profile, as the workspace has it. */
    public List<NetworkProfile> all() {
        Map<String, NetworkProfile> edited = edited();
        return order.stream()
                .map(network -> edited.getOrDefault(network, builtIn.get(network)))
                .toList();
    }

    public Optional<NetworkProfile> profile(String network) {
        if (!builtIn.containsKey(network)) {
            return Optional.empty();
        }
        return Optional.of(edited().getOrDefault(network, builtIn.get(network)));
    }

    /** The networks whose built-in profile the workspace changed. */
    public java.util.Set<String> editedNetworks() {
        return edited().keySet();
    }

    /**
     * The length of a text as the network counts it. A connected Mastodon account passes its server's
     * settings ({@code maxCharacters}, {@code charactersReservedPerUrl}), which win over the profile.
     */
    public TextLength length(String network, String text, Map<String, String> connectionSettings) {
        NetworkProfile profile =
                profile(network).orElseThrow(() -> Refusal.notFound("network-profile.unknown", network));
        TextLimit limit = profile.textLimit().value();
        Integer max = limit.counting() == NetworkProfile.Counting.NONE ? null : limit.max();
        int urlLength = profile.links().value().countedAs() == null
                ? 23
                : profile.links().value().countedAs();
        if (limit.counting() == NetworkProfile.Counting.MASTODON) {
            max = number(connectionSettings.get("maxCharacters"), max);
            urlLength = number(connectionSettings.get("charactersReservedPerUrl"), urlLength);
        }
        return new TextLength(TextLength.count(limit.counting(), text, urlLength), max);
    }

    /** An admin adjusts a profile; each changed fact names the admin, the date and the reason as its source. */
    @Transactional
    public NetworkProfile change(String network, Change change) {
        Actor actor = requireAdmin();
        NetworkProfile current =
                profile(network).orElseThrow(() -> Refusal.notFound("network-profile.unknown", network));
        String note = "Changed by " + actor.email() + " on " + LocalDate.now(ZoneOffset.UTC) + ": "
                + change.reason().strip();
        NetworkProfile.Fact<TextLimit> textLimit = current.textLimit();
        if (change.textMax() != null
                && !change.textMax().equals(textLimit.value().max())) {
            textLimit =
                    new Fact<>(new TextLimit(change.textMax(), textLimit.value().counting()), null, note);
        }
        Fact<Hashtags> hashtags = current.hashtags();
        if (change.hashtagsMax() != null
                && !change.hashtagsMax().equals(hashtags.value().recommendedMax())) {
            hashtags = new Fact<>(new Hashtags(hashtags.value().style(), change.hashtagsMax()), null, note);
        }
        Fact<Links> links = current.links();
        if (change.linksClickable() != null
                && !change.linksClickable().equals(links.value().clickable())) {
            links = new Fact<>(new Links(change.linksClickable(), links.value().countedAs()), null, note);
        }
        Fact<Media> media = current.media();
        Media m = media.value();
        if ((change.mediaRequired() != null && !change.mediaRequired().equals(m.required()))
                || (change.maxImages() != null && !change.maxImages().equals(m.maxImages()))) {
            media = new Fact<>(
                    new Media(
                            change.mediaRequired() == null ? m.required() : change.mediaRequired(),
                            change.maxImages() == null ? m.maxImages() : change.maxImages(),
                            m.video(),
                            m.note()),
                    null,
                    note);
        }
        Fact<List<String>> languages = current.languages();
        if (change.languages() != null && !change.languages().isBlank()) {
            List<String> codes = Arrays.stream(change.languages().split("[,\\s]+"))
                    .filter(code -> !code.isBlank())
                    .toList();
            if (codes.stream().anyMatch(code -> !code.matches("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*"))) {
                throw Refusal.invalid("network-profile.languages-invalid");
            }
            if (!codes.equals(languages.value())) {
                languages = new Fact<>(codes, null, note);
            }
        }
        Fact<Map<String, String>> tone = current.tone();
        Map<String, String> newTone = new LinkedHashMap<>(tone.value());
        if (change.toneEn() != null && !change.toneEn().isBlank()) {
            newTone.put("en", change.toneEn().strip());
        }
        if (change.toneZh() != null && !change.toneZh().isBlank()) {
            newTone.put("zh-CN", change.toneZh().strip());
        }
        if (!newTone.equals(tone.value())) {
            tone = new Fact<>(newTone, null, note);
        }
        NetworkProfile changed = new NetworkProfile(
                network,
                current.name(),
                textLimit,
                hashtags,
                links,
                media,
                languages,
                tone,
                current.postingWindows(),
                current.postingApi());
        jdbc.sql("DELETE FROM network_profile WHERE network = ?").param(network).update();
        jdbc.sql("INSERT INTO network_profile (network, profile, changed_by, changed_at) VALUES (?, ?, ?, ?)")
                .params(
                        network,
                        json.writeValueAsString(changed),
                        actor.email(),
                        Instant.now().atOffset(ZoneOffset.UTC))
                .update();
        events.publishEvent(
                new ProfileChanged(actor.email(), network, change.reason().strip(), actor.source(), Instant.now()));
        return changed;
    }

    /** Back to the built-in profile. */
    @Transactional
    public NetworkProfile reset(String network) {
        Actor actor = requireAdmin();
        NetworkProfile original = Optional.ofNullable(builtIn.get(network))
                .orElseThrow(() -> Refusal.notFound("network-profile.unknown", network));
        if (jdbc.sql("DELETE FROM network_profile WHERE network = ?")
                        .param(network)
                        .update()
                > 0) {
            events.publishEvent(new ProfileReset(actor.email(), network, actor.source(), Instant.now()));
        }
        return original;
    }

    private Map<String, NetworkProfile> edited() {
        Map<String, NetworkProfile> edited = new LinkedHashMap<>();
        jdbc.sql("SELECT network, profile FROM network_profile")
                .query((rs, row) -> json.readValue(rs.getString("profile"), NetworkProfile.class))
                .list()
                .forEach(profile -> edited.put(profile.network(), profile));
        return edited;
    }

    private static Actor requireAdmin() {
        Actor actor = Actor.current();
        if (!actor.is(Role.ADMIN)) {
            throw Refusal.forbidden("error.forbidden");
        }
        return actor;
    }

    private static int number(@Nullable String value, int fallback) {
        Integer parsed = number(value, (Integer) null);
        return parsed == null ? fallback : parsed;
    }

    private static @Nullable Integer number(@Nullable String value, @Nullable Integer fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            return fallback;
        }
    }
}
