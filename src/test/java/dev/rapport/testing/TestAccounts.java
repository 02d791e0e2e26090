package dev.rapport.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** Registry accounts for tests, made the way members make them: requested, approved, connected. */
public final class TestAccounts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestAccounts() {}

    /** An account on the network, requested by its owner and approved by a lead. */
    public static long active(int port, TestMembers.Credentials owner, TestMembers.Credentials lead, String network) {
        var requested = Api.as(port, owner).post("/api/v1/accounts", """
                {"network":"%s","handle":"brand-%s","purpose":"Community","owners":[%d]}""".formatted(
                        network, UUID.randomUUID().toString().substring(0, 8), owner.id()));
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
        long id = JSON.readTree(requested.body()).get("id").asLong();
        var decided = Api.as(port, lead).post("/api/v1/accounts/" + id + "/decision", "{\"approve\":true}");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        return id;
    }

    /**
     * A Bluesky account of the member's for alice on the local AT Protocol network, approved by an
     * admin and connected with her app password.
     */
    public static long alice(int port, TestMembers.Credentials owner, AtprotoNetwork network) {
        AtprotoNetwork.Account alice = network.alice();
        var requested = Api.as(port, owner).post("/api/v1/accounts", """
                {"network":"bluesky","handle":"%s-%s","purpose":"Developer community","owners":[%d]}""".formatted(
                        alice.handle(), UUID.randomUUID().toString().substring(0, 6), owner.id()));
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
        long id = JSON.readTree(requested.body()).get("id").asLong();
        var decided = Api.admin(port).post("/api/v1/accounts/" + id + "/decision", "{\"approve\":true}");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        var connected = Api.as(port, owner).post("/api/v1/accounts/" + id + "/connection", """
                {"connector":"bluesky","values":{"service":"%s","identifier":"%s","appPassword":"%s"}}""".formatted(
                        network.pdsUrl(), alice.handle(), alice.appPassword()));
        assertThat(connected.statusCode()).as(connected.body()).isEqualTo(200);
        return id;
    }

    /** The account connected to the sandbox network by a member who may manage its credentials. */
    public static void connectToSandbox(int port, long accountId, TestMembers.Credentials as) {
        var response = Api.as(port, as).post("/api/v1/accounts/" + accountId + "/connection", """
                {"connector":"sandbox","values":{"handle":"acme-%s"}}""".formatted(accountId));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
