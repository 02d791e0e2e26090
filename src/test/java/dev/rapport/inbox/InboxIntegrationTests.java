package dev.rapport.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.connectors.spi.InboundItem;
import dev.rapport.team.Role;
import dev.rapport.testing.Api;
import dev.rapport.testing.ApplicationTest;
import dev.rapport.testing.TestMembers;
import dev.rapport.testing.TestMembers.Credentials;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A comment arrives, is routed to the right department, answered on the network; duplicates and bad input lose nothing. */
@ApplicationTest
class InboxIntegrationTests extends InboxTestSupport {

    @Test
    void aBillingQuestionIsRoutedToBillingAnsweredThereAndShownOnTheNetwork() {
        Credentials billing = responder("billing");
        String question = "我上个月被扣了两次钱，能退款吗？ " + UUID.randomUUID().toString().substring(0, 6);
        sandbox.comment(post, "li.customer", question);
        assertThat(ingestion.poll(accounts.find(account).orElseThrow())).isGreaterThanOrEqualTo(1);

        JsonNode conversation = conversationWith(billing, question);
        assertThat(conversation.get("intent").asString()).isEqualTo("BILLING");
        assertThat(conversation.get("departmentId").asLong()).isEqualTo(department("billing"));
        // Someone of billing owns it (the least loaded of its responders).
        JsonNode assignee = json.readTree(Api.admin(port)
                .get("/api/v1/members/" + conversation.get("assigneeId").asLong())
                .body());
        assertThat(assignee.get("departmentId").asLong()).isEqualTo(department("billing"));
        assertThat(conversation.get("state").asString()).isEqualTo("OPEN");
        assertThat(conversation.get("dueAt").asString()).isNotBlank();

        long id = conversation.get("id").asLong();
        var reply = Api.as(port, billing).post("/api/v1/conversations/" + id + "/replies", """
                {"text":"您好，重复扣款已为您退回，3 个工作日内到账。"}""");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        String remoteId = json.readTree(reply.body()).at("/item/remoteId").asString();
        assertThat(sandbox.posts())
                .filteredOn(item -> item.id().equals(remoteId))
                .singleElement()
                .satisfies(item -> assertThat(item.replyTo()).isNotNull());

        JsonNode details = json.readTree(
                Api.as(port, billing).get("/api/v1/conversations/" + id).body());
        assertThat(details.at("/conversation/state").asString()).isEqualTo("ANSWERED");
        assertThat(details.at("/conversation/firstResponseAt").asString()).isNotBlank();
        assertThat(details.get("items")).hasSize(2);
        assertThat(details.at("/items/0/evidence").asString()).contains("BILLING");

        // The figures count it: billing answered, with a first-response time.
        JsonNode metrics =
                json.readTree(Api.as(port, lead).get("/api/v1/inbox/metrics").body());
        JsonNode billingFigures = null;
        for (JsonNode group : metrics.at("/by/department")) {
            if (group.get("group").asString().equals(String.valueOf(department("billing")))) {
                billingFigures = group;
            }
        }
        assertThat(billingFigures).isNotNull();
        assertThat(billingFigures.get("answered").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(billingFigures.get("medianFirstResponse").asString()).startsWith("PT");
        assertThat(metrics.at("/overall/conversations").asInt()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aSecondDeliveryOfTheSameCommentIsDroppedAndBadInputLosesNothing() {
        var accountView = accounts.find(account).orElseThrow();
        InboundItem.Author author = new InboundItem.Author("did:example:" + UUID.randomUUID(), "someone", null);
        String remoteId = "c-" + UUID.randomUUID();
        InboundItem comment = new InboundItem(
                remoteId,
                InboundItem.Kind.COMMENT,
                author,
                "How much is the pro plan?",
                post,
                post,
                null,
                "en",
                Instant.now());
        assertThat(ingestion.ingest(accountView, List.of(comment, comment))).isEqualTo(1);
        assertThat(ingestion.ingest(accountView, List.of(comment))).isZero();

        String huge = "退款".repeat(60_000);
        InboundItem empty = new InboundItem(
                "e-" + UUID.randomUUID(),
                InboundItem.Kind.COMMENT,
                author,
                null,
                post,
                post,
                null,
                null,
                Instant.now());
        InboundItem big = new InboundItem(
                "h-" + UUID.randomUUID(),
                InboundItem.Kind.COMMENT,
                author,
                huge + "\u0000\ud800",
                post,
                post,
                null,
                null,
                Instant.now());
        InboundItem like = new InboundItem(
                "l-" + UUID.randomUUID(), InboundItem.Kind.LIKE, author, null, post, null, null, null, Instant.now());
        assertThat(ingestion.ingest(accountView, List.of(empty, big, like))).isEqualTo(3);

        JsonNode conversation = conversationWith(
                lead,
                json
                        .readTree(
                                Api.as(port, lead).get("/api/v1/inbox?size=200").body())
                        .findValuesAsString("lastText")
                        .stream()
                        .filter(text -> text.startsWith("退款退款"))
                        .findFirst()
                        .orElseThrow());
        JsonNode details = json.readTree(Api.as(port, lead)
                .get("/api/v1/conversations/" + conversation.get("id").asLong())
                .body());
        // One person under one post is one conversation: the question, the empty comment and the huge one.
        assertThat(details.get("items")).hasSize(3);
        assertThat(details.at("/items/2/text").asString())
                .hasSize(Ingestion.MAX_TEXT)
                .endsWith("…")
                .doesNotContain("\u0000");
        assertThat(details.at("/conversation/contact/likes").asInt()).isEqualTo(1);
        assertThat(details.at("/conversation/contact/messages").asInt()).isEqualTo(3);
    }

    @Test
    void aContactShowsWhatTheyDidAndTheirNewestHandleAndName() throws Exception {
        var accountView = accounts.find(account).orElseThrow();
        String authorId = "did:example:" + UUID.randomUUID();
        String question = "Is there a student discount? " + UUID.randomUUID();
        String followUp = "And for teachers? " + UUID.randomUUID();
        Instant first = Instant.now().minusSeconds(60);
        InboundItem.Author before = new InboundItem.Author(authorId, "mei.old", "Mei");
        assertThat(ingestion.ingest(
                        accountView,
                        List.of(
                                underPost("q-", InboundItem.Kind.COMMENT, before, question, first),
                                underPost("f-", InboundItem.Kind.FOLLOW, before, null, first))))
                .isEqualTo(2);
        // Next page: a new handle, no name given (the name stays), a repost and another comment.
        InboundItem.Author renamed = new InboundItem.Author(authorId, "mei.new", null);
        assertThat(ingestion.ingest(
                        accountView,
                        List.of(
                                underPost("r-", InboundItem.Kind.REPOST, renamed, null, Instant.now()),
                                underPost("q-", InboundItem.Kind.COMMENT, renamed, followUp, Instant.now()))))
                .isEqualTo(2);

        JsonNode conversation = conversationWith(lead, followUp);
        JsonNode contact = json.readTree(Api.as(port, lead)
                        .get("/api/v1/conversations/" + conversation.get("id").asLong())
                        .body())
                .at("/conversation/contact");
        assertThat(contact.get("handle").asString()).isEqualTo("mei.new");
        assertThat(contact.get("displayName").asString()).isEqualTo("Mei");
        assertThat(contact.get("messages").asInt()).isEqualTo(2);
        assertThat(contact.get("reposts").asInt()).isEqualTo(1);
        assertThat(contact.get("likes").asInt()).isZero();
        assertThat(contact.get("follows").asBoolean()).isTrue();
    }

    /** An interaction of the author under the test's post (a comment's text, when it has one). */
    private InboundItem underPost(
            String idPrefix, InboundItem.Kind kind, InboundItem.Author author, String text, Instant at) {
        return new InboundItem(
                idPrefix + UUID.randomUUID(), kind, author, text, post, text == null ? null : post, null, "en", at);
    }

    @Test
    void aPageDeliveredByFourAtOnceIsTakenOnceWithNothingLostOrCountedTwice() throws Exception {
        // A push and a poll, or two nodes, taking the same page at the same moment: each page's
        // look-up of what is recorded already can be overtaken by another page's insert.
        var accountView = accounts.find(account).orElseThrow();
        List<InboundItem.Author> authors = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> new InboundItem.Author("did:example:" + UUID.randomUUID(), "many" + i, null))
                .toList();
        String mark = UUID.randomUUID().toString().substring(0, 8);
        // The authors are known already (a like each), so no delivery waits on another's new contacts.
        assertThat(ingestion.ingest(
                        accountView,
                        authors.stream()
                                .map(author -> new InboundItem(
                                        "l-" + UUID.randomUUID(),
                                        InboundItem.Kind.LIKE,
                                        author,
                                        null,
                                        post,
                                        null,
                                        null,
                                        null,
                                        Instant.now().minusSeconds(200)))
                                .toList()))
                .isEqualTo(authors.size());
        List<InboundItem> page = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            page.add(new InboundItem(
                    "p-" + UUID.randomUUID(),
                    i % 8 == 7 ? InboundItem.Kind.LIKE : InboundItem.Kind.COMMENT,
                    authors.get(i % authors.size()),
                    "Where can I download the invoice for order " + i + "? " + mark,
                    post,
                    post,
                    null,
                    "en",
                    Instant.now().minusSeconds(100 - i)));
        }
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(4);
        java.util.concurrent.ExecutorService deliveries = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> taken = new java.util.ArrayList<>();
            for (int d = 0; d < 4; d++) {
                taken.add(deliveries.submit(() -> {
                    start.await();
                    return ingestion.ingest(accountView, page);
                }));
            }
            int fresh = 0;
            for (var delivery : taken) {
                fresh += delivery.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertThat(fresh)
                    .as("new interactions reported by the four deliveries together")
                    .isEqualTo(24);
        } finally {
            deliveries.shutdownNow();
        }

        // One conversation per author under the post, each with that author's comments, counted once.
        List<String> texts = json
                .readTree(Api.as(port, lead).get("/api/v1/inbox?size=200").body())
                .findValuesAsString("lastText")
                .stream()
                .filter(text -> text.endsWith(mark))
                .toList();
        assertThat(texts).hasSize(authors.size());
        for (String text : texts) {
            JsonNode conversation = conversationWith(lead, text);
            JsonNode details = json.readTree(Api.as(port, lead)
                    .get("/api/v1/conversations/" + conversation.get("id").asLong())
                    .body());
            int likesInPage = details.at("/conversation/contact/likes").asInt() - 1;
            assertThat(likesInPage).isBetween(0, 1);
            assertThat(details.get("items")).hasSize(4 - likesInPage);
            assertThat(details.at("/conversation/contact/messages").asInt()).isEqualTo(4 - likesInPage);
        }
    }

    @Test
    void twoMessagesOfOnePersonInOnePageAreOneConversationClassifiedByTheNewest() {
        var accountView = accounts.find(account).orElseThrow();
        InboundItem.Author author = new InboundItem.Author("did:example:" + UUID.randomUUID(), "twice", null);
        Instant first = Instant.now().minusSeconds(60);
        String complaint = "This is the third time my order arrived broken. Terrible service! "
                + UUID.randomUUID().toString().substring(0, 6);
        List<InboundItem> page = List.of(
                new InboundItem(
                        "q-" + UUID.randomUUID(),
                        InboundItem.Kind.COMMENT,
                        author,
                        "Does the new plan include support?",
                        post,
                        post,
                        null,
                        "en",
                        first),
                new InboundItem(
                        "c-" + UUID.randomUUID(),
                        InboundItem.Kind.REPLY,
                        author,
                        complaint,
                        post,
                        post,
                        null,
                        "en",
                        first.plusSeconds(30)));
        assertThat(ingestion.ingest(accountView, page)).isEqualTo(2);

        JsonNode conversation = conversationWith(lead, complaint);
        assertThat(conversation.get("intent").asString()).isEqualTo("COMPLAINT");
        JsonNode details = json.readTree(Api.as(port, lead)
                .get("/api/v1/conversations/" + conversation.get("id").asLong())
                .body());
        assertThat(details.get("items")).hasSize(2);
        // The clock runs from the first unanswered message, not the newest.
        assertThat(Instant.parse(details.at("/conversation/firstItemAt").asString()))
                .isCloseTo(first, org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MILLIS));
        assertThat(details.at("/conversation/contact/messages").asInt()).isEqualTo(2);
    }

    @Test
    void anInteractionTheDatabaseRefusesDoesNotHoldBackTheRestOfItsPage() {
        var accountView = accounts.find(account).orElseThrow();
        List<InboundItem> page = new java.util.ArrayList<>();
        for (String id : List.of("first-", "x".repeat(400) + "-", "last-")) {
            page.add(new InboundItem(
                    id + UUID.randomUUID(),
                    InboundItem.Kind.COMMENT,
                    new InboundItem.Author("did:example:" + UUID.randomUUID(), "asker", null),
                    "Is there a student discount?",
                    post,
                    post,
                    null,
                    "en",
                    Instant.now()));
        }
        // The network id longer than any network uses is refused; the poll that brought it fails
        // (and keeps its cursor), but the two others are in.
        assertThatThrownBy(() -> ingestion.ingest(accountView, page))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could not be taken")
                .hasMessageNotContaining("Is there a student discount?")
                .hasNoCause();
        assertThat(ingestion.ingest(accountView, List.of(page.get(0), page.get(2))))
                .isZero();
    }

    @Test
    void aViewerHasNoInboxAndAResponderOfAnotherDepartmentCannotAnswer() {
        Credentials viewer = TestMembers.create(team, Role.VIEWER);
        assertThat(Api.as(port, viewer).get("/api/v1/inbox").statusCode()).isEqualTo(403);
        Credentials billing = responder("billing");
        Credentials sales = responder("sales");
        String question =
                "Where can I buy the pro plan? " + UUID.randomUUID().toString().substring(0, 6);
        sandbox.comment(post, "buyer", question);
        ingestion.poll(accounts.find(account).orElseThrow());
        JsonNode conversation = conversationWith(sales, question);
        assertThat(conversation.get("intent").asString()).isEqualTo("PURCHASE_INTENT");
        long id = conversation.get("id").asLong();
        assertThat(Api.as(port, billing)
                        .post("/api/v1/conversations/" + id + "/replies", "{\"text\":\"Hi\"}")
                        .statusCode())
                .isEqualTo(404);
        var done = Api.as(port, sales).post("/api/v1/conversations/" + id + "/done", "{\"reason\":\"whatever\"}");
        assertThat(done.statusCode()).isEqualTo(400);
        var reassigned = Api.as(port, sales)
                .post(
                        "/api/v1/conversations/" + id + "/assign",
                        "{\"departmentId\":%d,\"note\":\"Asks about an invoice\"}".formatted(department("billing")));
        assertThat(reassigned.statusCode()).as(reassigned.body()).isEqualTo(200);
        assertThat(json.readTree(reassigned.body()).get("departmentId").asLong())
                .isEqualTo(department("billing"));
    }
}
