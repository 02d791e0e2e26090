package dev.rapport.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.team.Role;
import dev.rapport.testing.Api;
import dev.rapport.testing.ApplicationTest;
import dev.rapport.testing.TestMembers;
import dev.rapport.testing.WebSession;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The authenticity rule: a saved reply is refused until it is personalised (unless the workspace
 * allows it), and the same words sent to many people are flagged.
 */
@ApplicationTest
class SavedRepliesIntegrationTests extends InboxTestSupport {

    String token;

    @BeforeEach
    void leadMayReply() {
        Api.as(port, lead).post("/api/v1/policy/acknowledgement", "");
        token = UUID.randomUUID().toString().substring(0, 8);
    }

    /** A comment from {@code handle} on the post: its conversation's id. */
    long conversation(String handle, String text) {
        sandbox.comment(post, handle, text);
        ingestion.poll(accounts.find(account).orElseThrow());
        return conversationWith(lead, text).get("id").asLong();
    }

    long savedReply(String text) {
        var added = Api.as(port, lead).post("/api/v1/inbox/saved-replies", """
                {"title":"Refund %s","text":"%s","language":"en"}""".formatted(token, text));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        return json.readTree(added.body()).get("id").asLong();
    }

    @Test
    void anUneditedSavedReplyIsRefusedAndAPersonalisedOneIsSent() {
        String saved = "Hi {name}, we are sorry about the double charge. The refund is on its way (" + token + ").";
        long id = savedReply(saved);
        String handle = "liwei" + token;
        long conversation = conversation(handle, "I was charged twice this month, can I get a refund? " + token);
        String replies = "/api/v1/conversations/" + conversation + "/replies";
        String filled = saved.replace("{name}", handle);

        assertRefused(
                Api.as(port, lead).post(replies, "{\"text\":\"" + filled + "\"}"),
                400,
                "This is still the saved reply “Refund " + token + "” word for word. Personalise it");
        assertRefused(
                Api.as(port, lead).language("zh-CN").post(replies, "{\"text\":\"" + filled + " 🙂\"}"),
                400,
                "这仍是常用回复“Refund " + token + "”的原文");
        assertRefused(Api.as(port, lead).post(replies, "{\"text\":\"" + saved + "\"}"), 400, "still contains {name}");

        // The conversation page offers it filled in, and says so while the reply is written.
        WebSession page = new WebSession(port);
        page.signIn(lead.email(), lead.password());
        assertThat(page.get("/conversations/" + conversation).body())
                .contains("id=\"saved-reply-picker\"", "data-text=\"" + filled.replace("{name}", handle));
        assertThat(page.post("/conversations/" + conversation + "/reply/check", Map.of("text", filled))
                        .body())
                .contains("id=\"not-personalised\"", "word for word. Personalise it");

        String personal = "Hi " + handle + ", sorry about the double charge on your March invoice: "
                + "the 49 yuan are back on your card by Friday (" + token + ").";
        var sent = Api.as(port, lead).post(replies, "{\"text\":\"" + personal + "\"}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        String remoteId = json.readTree(sent.body()).at("/item/remoteId").asString();
        assertThat(sandbox.posts()).anySatisfy(item -> assertThat(item.id()).isEqualTo(remoteId));

        // An admin may allow saved replies as they are.
        try {
            setPersonalisation(false);
            long other = conversation("other" + token, "Charged twice, refund please " + token);
            var unedited = Api.as(port, lead)
                    .post(
                            "/api/v1/conversations/" + other + "/replies",
                            "{\"text\":\"" + saved.replace("{name}", "other" + token) + "\"}");
            assertThat(unedited.statusCode()).as(unedited.body()).isEqualTo(201);
        } finally {
            setPersonalisation(true);
            Api.as(port, lead).delete("/api/v1/inbox/saved-replies/" + id);
        }
    }

    void setPersonalisation(boolean required) {
        var changed =
                Api.admin(port).put("/api/v1/inbox/saved-replies/personalisation", "{\"required\":" + required + "}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json.readTree(changed.body()).get("required").asBoolean()).isEqualTo(required);
    }

    @Test
    void theSameWordsToManyPeopleAreFlagged() {
        String[] people = {"ann", "bob", "cai", "dan", "eve"};
        for (int i = 0; i < people.length; i++) {
            String person = people[i] + token;
            long conversation = conversation(person, "How much is the pro plan? " + token);
            var sent = Api.as(port, lead)
                    .post("/api/v1/conversations/" + conversation + "/replies", """
                            {"text":"Thanks for asking, %s! The pro plan is 99 yuan a month, billed yearly; details are on our pricing page (%s)."}""".formatted(person, token));
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
            JsonNode reply = json.readTree(sent.body());
            assertThat(reply.get("sameTextSentTo").asInt()).isEqualTo(i);
            // Flagged from the fifth person on.
            assertThat(reply.get("sameTextFlagged").asBoolean()).isEqualTo(i >= 4);
        }
        long sixth = conversation("fay" + token, "How much is the pro plan? " + token);
        WebSession page = new WebSession(port);
        page.signIn(lead.email(), lead.password());
        page.get("/conversations/" + sixth);
        String same =
                "Thanks for asking! The pro plan is 99 yuan a month, billed yearly; details are on our pricing page ("
                        + token + ").";
        assertThat(page.post("/conversations/" + sixth + "/reply/check", Map.of("text", same))
                        .body())
                .contains("id=\"repeated-text\"", "5 other people");
        String different = "Fay, happy to help: I have sent you a direct message with a trial code for your shop.";
        assertThat(page.post("/conversations/" + sixth + "/reply/check", Map.of("text", different))
                        .body())
                .doesNotContain("repeated-text");
        var flagged = page.post("/conversations/" + sixth + "/reply", Map.of("text", same));
        assertThat(flagged.statusCode()).isEqualTo(302);
        assertThat(page.get("/conversations/" + sixth).body()).contains("id=\"same-text\"", "id=\"sent\"");
    }

    @Test
    void adminsAndLeadsKeepTheLibraryAndOnlyAdminsSetTheRule() {
        long id = savedReply("Thanks, {name}! " + token);
        Api responder = Api.as(port, TestMembers.create(team, Role.RESPONDER));
        assertThat(responder.get("/api/v1/inbox/saved-replies").body()).contains("Thanks, {name}! " + token);
        assertRefused(responder.put("/api/v1/inbox/saved-replies/" + id, """
                {"title":"Mine","text":"Hello","language":"en"}"""), 403, "not allowed");
        assertRefused(responder.delete("/api/v1/inbox/saved-replies/" + id), 403, "not allowed");
        assertRefused(
                Api.as(port, TestMembers.create(team, Role.VIEWER)).get("/api/v1/inbox/saved-replies"),
                403,
                "not allowed");
        assertRefused(
                Api.as(port, lead).put("/api/v1/inbox/saved-replies/personalisation", "{\"required\":false}"),
                403,
                "not allowed");

        Api english = Api.as(port, lead);
        Api chinese = Api.as(port, lead).language("zh-CN");
        String french = """
                {"title":"Merci","text":"Merci !","language":"fr"}""";
        assertRefused(english.post("/api/v1/inbox/saved-replies", french), 400, "Choose the language: zh, en");
        assertRefused(chinese.post("/api/v1/inbox/saved-replies", french), 400, "请选择语言：zh, en");
        assertRefused(english.post("/api/v1/inbox/saved-replies", """
                {"title":"","text":"Hi","language":"en"}"""), 400, "Give the saved reply a title");
        assertRefused(english.post("/api/v1/inbox/saved-replies", """
                {"title":"Dept","text":"Hi","language":"en","departmentId":987654}"""), 400, "There is no department 987654");

        var changed = english.put("/api/v1/inbox/saved-replies/" + id, """
                {"title":"Thanks %s","text":"Thank you, {name}. %s","language":"en"}""".formatted(token, token));
        assertThat(json.readTree(changed.body()).get("title").asString()).isEqualTo("Thanks " + token);
        assertThat(english.delete("/api/v1/inbox/saved-replies/" + id).statusCode())
                .isEqualTo(204);
        assertRefused(english.get("/api/v1/inbox/saved-replies/" + id), 404, "There is no saved reply " + id);

        WebSession page = new WebSession(port);
        page.signIn(lead.email(), lead.password());
        assertThat(page.get("/inbox/saved-replies").body()).contains("id=\"saved-reply-form\"");
        var added = page.post(
                "/inbox/saved-replies", Map.of("title", "Page " + token, "text", "Hello {name}", "language", "zh"));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(page.get("/inbox/saved-replies").body()).contains("Page " + token);
        for (JsonNode reply :
                json.readTree(english.get("/api/v1/inbox/saved-replies").body())) {
            if (reply.get("title").asString().equals("Page " + token)) {
                english.delete("/api/v1/inbox/saved-replies/" + reply.get("id").asLong());
            }
        }
    }
}
