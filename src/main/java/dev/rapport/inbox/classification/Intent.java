package dev.rapport.inbox.classification;

/** What the author wants: it decides who answers. */
public enum Intent {
    QUESTION,
    COMPLAINT,
    PURCHASE_INTENT,
    BILLING,
    PRODUCT_FEEDBACK,
    PRAISE,
    SPAM,
    ABUSE,
    OTHER
}
