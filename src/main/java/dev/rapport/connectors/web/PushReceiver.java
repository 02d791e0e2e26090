package dev.rapport.connectors.web;

import dev.rapport.connectors.PushDeliveries;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The receiving address of each push subscription. Answers at once, as a push service does (201);
 * what the push announced is read later, by the inbox. A refused push gets a 4xx and changes
 * nothing; an unknown subscription gets 410 Gone, which tells the network to end it; one still
 * being made gets 503, which the network retries.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8030#section-5">RFC 8030 §5, requesting push message delivery</a>
 */
@RestController
class PushReceiver {

    private final PushDeliveries deliveries;

    PushReceiver(PushDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @PostMapping("/push/{subscription}")
    ResponseEntity<Void> receive(
            @PathVariable String subscription,
            @RequestHeader(value = "Authorization", required = false) @Nullable String authorization,
            @RequestHeader(value = "Content-Encoding", required = false) @Nullable String encoding,
            HttpServletRequest request)
            throws IOException {
        if (subscription.length() > 64 || request.getContentLengthLong() > PushDeliveries.MAX_BODY) {
            return status(subscription.length() > 64 ? HttpStatus.GONE : HttpStatus.CONTENT_TOO_LARGE);
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(PushDeliveries.MAX_BODY + 1);
        }
        if (body.length > PushDeliveries.MAX_BODY) {
            return status(HttpStatus.CONTENT_TOO_LARGE);
        }
        return switch (deliveries.receive(subscription, authorization, encoding, body)) {
            case ACCEPTED -> status(HttpStatus.CREATED);
            case GONE -> status(HttpStatus.GONE);
            case NOT_YET ->
                ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .header("Retry-After", "5")
                        .build();
            case UNSUPPORTED_ENCODING -> status(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
            case BAD_SIGNATURE ->
                ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                        .header("WWW-Authenticate", "vapid")
                        .build();
            case UNREADABLE -> status(HttpStatus.BAD_REQUEST);
        };
    }

    private static ResponseEntity<Void> status(HttpStatus status) {
        return ResponseEntity.status(status).build();
    }
}
