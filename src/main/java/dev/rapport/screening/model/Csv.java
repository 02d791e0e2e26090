package dev.rapport.screening.model;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A small RFC 4180 reader (quoted fields may hold commas, quotes and line breaks). */
final class Csv {

    private Csv() {}

    /** Rows as maps from header name to value; a UTF-8 byte-order mark is dropped. */
    static List<Map<String, String>> read(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            int c;
            while ((c = reader.read()) >= 0) {
                any = true;
                if (quoted) {
                    if (c == '"') {
                        reader.mark(1);
                        int next = reader.read();
                        if (next == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            if (next >= 0) {
                                reader.reset();
                            }
                        }
                    } else {
                        field.append((char) c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n') {
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    any = false;
                } else if (c != '\r') {
                    field.append((char) c);
                }
            }
            if (any) {
                row.add(field.toString());
                rows.add(row);
            }
        }
        List<String> header = rows.get(0);
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        List<Map<String, String>> result = new ArrayList<>(rows.size() - 1);
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() == 1 && row.get(0).isEmpty()) {
                continue;
            }
            Map<String, String> map = new HashMap<>();
            for (int i = 0; i < header.size() && i < row.size(); i++) {
                map.put(header.get(i), row.get(i));
            }
            result.add(map);
        }
        return result;
    }
}
