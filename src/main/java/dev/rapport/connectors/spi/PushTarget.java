package dev.rapport.connectors.spi;

/**
 * Where and how a network pushes to Rapport: the receiving address of one subscription, and the
 * keys the network encrypts to (RFC 8291): the public key as an uncompressed P-256 point and the
 * 16-byte auth secret, both base64url.
 */
public record PushTarget(String endpoint, String p256dh, String auth) {

    @Override
    public String toString() {
        // The auth secret never reaches a log.
        return "PushTarget[" + endpoint + "]";
    }
}
