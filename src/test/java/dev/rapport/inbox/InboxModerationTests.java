package dev.rapport.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testing.Api;
import dev.rapport.testing.ApplicationTest;
import dev.rapport.testing.WebSession;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Spam and abuse are closed with a reason, and reported to the network and hidden where it allows. */
@ApplicationTest
class InboxModerationTests extends InboxTestSupport {

    @Test
    void spamIsReportedAndHiddenOnTheNetworkAndAuditedWhileOtherReasonsCannotBe() {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        String spam = "Buy 10k followers cheap!!! dm me " + marker;
        String comment = sandbox.comment(post, "cheap.followers", spam).remoteId();
        String thanks = "Thanks, looks great " + marker;
        sandbox.comment(post, "happy.reader", thanks);
        ingestion.poll(accounts.find(account).orElseThrow());
        long spamConversation = id(lead, spam);
        long thanksConversation = id(lead, thanks);

        var refused = Api.as(port, lead).post("/api/v1/conversations/" + thanksConversation + "/done", """
                {"reason":"no-reply-needed","report":true}""");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Only spam and abuse are reported or hidden.");
        assertThat(sandbox.moderated(account)).isEmpty();

        // The conversation page offers both, since the sandbox allows both.
        WebSession web = new WebSession(port);
        web.signIn(lead.email(), lead.password());
        assertThat(web.get("/conversations/" + spamConversation + "?lang=en").body())
                .contains("id=\"done-report\"")
                .contains("id=\"done-hide\"");

        var done = Api.as(port, lead).post("/api/v1/conversations/" + spamConversation + "/done", """
                {"reason":"spam","note":"Sells followers","report":true,"hide":true}""");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(json.readTree(done.body()).get("state").asString()).isEqualTo("DONE");
        assertThat(sandbox.moderated(account)).isEqualTo(Map.of(comment, "reported:SPAM,hidden"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode audit = json.readTree(Api.admin(port)
                    .get("/api/v1/audit?action=inbox.done&actor=" + lead.email())
                    .body());
            assertThat(audit.get("entries"))
                    .filteredOn(entry -> entry.get("target").asString().equals("conversation:" + spamConversation))
                    .singleElement()
                    .satisfies(
                            entry -> assertThat(entry.get("detail").asString()).isEqualTo("spam reported hidden"));
        });
    }
}
