package dev.rapport.inbox.classification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The labelled set {@code src/test/resources/inbox/labelled.tsv}: id, language, text, sentiment,
 * intent. An item is held out for testing when the CRC-32 of its id is divisible by 3 (about a
 * third); the cues are tuned on the rest, the dev part.
 */
record LabelledItems(List<Item> items) {

    record Item(String id, String language, String text, Sentiment sentiment, Intent intent) {

        boolean heldOut() {
            CRC32 crc = new CRC32();
            crc.update(id.getBytes(StandardCharsets.UTF_8));
            return crc.getValue() % 3 == 0;
        }
    }

    static LabelledItems read() {
        List<Item> items = new ArrayList<>();
        try (InputStream in = LabelledItems.class.getResourceAsStream("/inbox/labelled.tsv")) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("id\t")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length != 5) {
                    throw new IllegalStateException("not id, language, text, sentiment, intent: " + line);
                }
                items.add(new Item(
                        columns[0], columns[1], columns[2], Sentiment.valueOf(columns[3]), Intent.valueOf(columns[4])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LabelledItems(List.copyOf(items));
    }

    LabelledItems heldOut(boolean heldOut) {
        return new LabelledItems(
                items.stream().filter(item -> item.heldOut() == heldOut).toList());
    }

    LabelledItems language(String language) {
        return new LabelledItems(
                items.stream().filter(item -> item.language().equals(language)).toList());
    }
}
