/**
 * Chat groups' robots that escalations post to — WeCom, DingTalk, Feishu and Slack — each with the
 * payload, signature and success response its service documents.
 */
@NullMarked
package dev.rapport.inbox.chat;

import org.jspecify.annotations.NullMarked;
