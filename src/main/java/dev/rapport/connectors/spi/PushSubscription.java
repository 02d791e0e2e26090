package dev.rapport.connectors.spi;

/**
 * What the network answered a subscription with.
 *
 * @param serverKey the public key the network's server signs its pushes with (VAPID, RFC 8292): an
 *     uncompressed P-256 point, base64 or base64url
 */
public record PushSubscription(String serverKey) {}
