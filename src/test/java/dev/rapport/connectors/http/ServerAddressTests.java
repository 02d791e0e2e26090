package dev.rapport.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A member cannot make Rapport call its own neighbours through a server address. */
class ServerAddressTests {

    @Test
    void onlyAnHttpsHostOutsidePrivateNetworksIsAccepted() {
        assertThat(ServerAddress.check("https://8.8.8.8", false)).hasValue("https://8.8.8.8");
        assertThat(ServerAddress.check("https://8.8.8.8:8443/", false)).hasValue("https://8.8.8.8:8443");
        for (String refused : new String[] {
            "http://8.8.8.8",
            "https://127.0.0.1",
            "https://localhost",
            "https://10.0.0.5",
            "https://172.16.1.1",
            "https://192.168.1.10",
            "https://169.254.169.254",
            "https://100.64.0.1",
            "https://[::1]",
            "https://[fd00::1]",
            "https://8.8.8.8/xrpc#",
            "https://8.8.8.8?x=1",
            "https://user:pw@8.8.8.8",
            "ftp://8.8.8.8",
            "not a url",
            "https://no-such-host.invalid"
        }) {
            assertThat(ServerAddress.check(refused, false)).as(refused).isEmpty();
        }
    }

    @Test
    void privateNetworksAndPlainHttpOnlyWhenAllowed() {
        assertThat(ServerAddress.check("http://127.0.0.1:2583", true)).hasValue("http://127.0.0.1:2583");
        assertThat(ServerAddress.check("http://127.0.0.1:2583/path", true)).isEmpty();
    }
}
