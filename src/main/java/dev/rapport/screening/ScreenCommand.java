package dev.rapport.screening;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code java -jar rapport.jar screen < in.jsonl > out.jsonl}: screens one JSON object per line,
 * {@code {"id": ..., "text": "..."}}, without a server or a database, under the default policy or the
 * rules in {@code --policy FILE}. Streams: one line in, one line out, memory flat. A line that is not
 * such an object is reported on standard error with its number, the others are still screened, and
 * the exit code is 1 at the end; invalid UTF-8 is screened with replacement characters and reported.
 */
@Command(
        name = "screen",
        mixinStandardHelpOptions = true,
        description = "Screens JSON lines {\"id\":…,\"text\":…} from standard input against the social media policy.")
public class ScreenCommand implements Callable<Integer> {

    @Option(names = "--policy", paramLabel = "FILE", description = "screening rules as JSON (categories, terms)")
    Path policy;

    private final InputStream in;
    private final Writer out;
    private final PrintWriter err;

    public ScreenCommand() {
        this(System.in, new OutputStreamWriter(System.out, StandardCharsets.UTF_8), new PrintWriter(System.err, true));
    }

    ScreenCommand(InputStream in, Writer out, PrintWriter err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        PolicyRules rules =
                policy == null ? PolicyRules.defaults() : json.readValue(Files.readString(policy), PolicyRules.class);
        ScreeningEngine engine = new ScreeningEngine(rules);
        int problems = 0;
        long number = 0;
        try (BufferedWriter writer = new BufferedWriter(out, 1 << 16);
                BufferedInputStream input = new BufferedInputStream(in, 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(512);
            while (readLine(input, line)) {
                number++;
                if (line.size() > MAX_LINE_BYTES) {
                    err.println("line " + number + ": longer than " + MAX_LINE_BYTES + " bytes, not screened");
                    problems++;
                    continue;
                }
                String text = decode(line.toByteArray(), number);
                if (text.isBlank()) {
                    continue;
                }
                JsonNode request;
                try {
                    request = json.readTree(text);
                } catch (JacksonException malformed) {
                    err.println("line " + number + ": not JSON: " + firstLine(malformed.getOriginalMessage()));
                    problems++;
                    continue;
                }
                if (!request.isObject() || !request.path("text").isString()) {
                    err.println("line " + number + ": expected {\"id\": …, \"text\": \"…\"}");
                    problems++;
                    continue;
                }
                String language = request.path("language").isString()
                        ? request.path("language").asString()
                        : null;
                String body = request.get("text").asString();
                if (body.length() > Screening.MAX_LENGTH) {
                    err.println("line " + number + ": text longer than " + Screening.MAX_LENGTH + " characters");
                    problems++;
                    continue;
                }
                Verdict verdict = engine.screen(body, language);
                writer.write(json.writeValueAsString(result(json, request.get("id"), verdict)));
                writer.write('\n');
            }
        }
        err.flush();
        return problems == 0 ? 0 : 1;
    }

    static ObjectNode result(JsonMapper json, JsonNode id, Verdict verdict) {
        ObjectNode result = json.createObjectNode();
        result.set("id", id);
        result.put("flagged", verdict.flagged());
        result.put("action", verdict.action().code());
        ArrayNode categories = result.putArray("categories");
        for (Verdict.Finding finding : verdict.findings()) {
            ObjectNode category = categories.addObject();
            category.put("name", finding.category().code());
            category.put("score", finding.score());
            ArrayNode spans = category.putArray("spans");
            for (Verdict.Span span : finding.spans()) {
                spans.addArray().add(span.start()).add(span.end());
            }
        }
        if (!verdict.terms().isEmpty()) {
            ArrayNode terms = result.putArray("terms");
            for (Verdict.TermFinding term : verdict.terms()) {
                ObjectNode found = terms.addObject();
                found.put("term", term.term());
                found.put("action", term.action().code());
                ArrayNode spans = found.putArray("spans");
                for (Verdict.Span span : term.spans()) {
                    spans.addArray().add(span.start()).add(span.end());
                }
            }
        }
        return result;
    }

    /** Longest line kept, in bytes: a longer one is skipped and reported, so memory stays flat. */
    static final int MAX_LINE_BYTES = Screening.MAX_LENGTH * 4 + 1024;

    /**
     * Reads up to the next newline into {@code line} (at most {@link #MAX_LINE_BYTES}: the rest of a
     * longer line is read and dropped, and {@code line} is left holding more than the limit); false at
     * the end of the input.
     */
    private static boolean readLine(InputStream input, ByteArrayOutputStream line) throws IOException {
        line.reset();
        int b;
        boolean any = false;
        while ((b = input.read()) != -1) {
            any = true;
            if (b == '\n') {
                return true;
            }
            if (line.size() <= MAX_LINE_BYTES) {
                line.write(b);
            }
        }
        return any;
    }

    private String decode(byte[] bytes, long number) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException invalid) {
            err.println("line " + number + ": invalid UTF-8, screened with replacement characters");
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
