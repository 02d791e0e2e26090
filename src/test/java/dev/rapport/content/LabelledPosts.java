package dev.rapport.content;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the test sets in src/test/resources/content: tab-separated, "#" comments, "\n" for a line break. */
final class LabelledPosts {

    private LabelledPosts() {}

    static List<String[]> read(String resource, int columns) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = LabelledPosts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] row = line.split("\t");
                if (row.length != columns) {
                    throw new IllegalStateException(resource + ": " + columns + " columns expected: " + line);
                }
                row[columns - 1] = row[columns - 1].replace("\\n", "\n");
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
