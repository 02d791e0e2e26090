/**
 * Web Push as a receiver, with the JDK's cryptography only: the key pair and auth secret a
 * subscription is opened with ({@link dev.rapport.connectors.push.PushKeys}), a pushed message
 * decrypted (<a href="https://www.rfc-editor.org/rfc/rfc8291">RFC 8291</a> over
 * <a href="https://www.rfc-editor.org/rfc/rfc8188">RFC 8188</a> {@code aes128gcm},
 * {@link dev.rapport.connectors.push.PushMessage}) and its sender checked
 * (<a href="https://www.rfc-editor.org/rfc/rfc8292">RFC 8292</a> VAPID,
 * {@link dev.rapport.connectors.push.Vapid}).
 */
@NullMarked
package dev.rapport.connectors.push;

import org.jspecify.annotations.NullMarked;
