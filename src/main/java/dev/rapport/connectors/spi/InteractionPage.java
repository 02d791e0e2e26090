package dev.rapport.connectors.spi;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Interactions, oldest first, and the cursor to ask for what comes after them. */
public record InteractionPage(
        List<InboundItem> items, @Nullable String cursor) {}
