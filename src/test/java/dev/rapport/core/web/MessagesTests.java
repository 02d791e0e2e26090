package dev.rapport.core.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/**
 * Every visible text comes from the message bundles, and every key exists in both languages. A
 * template with hard-coded text, or a key missing in either bundle, fails the build.
 */
class MessagesTests {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Pattern KEY = Pattern.compile("#\\{([a-zA-Z0-9.\\-_]+)[}(]");
    static final Pattern LETTERS = Pattern.compile("[\\p{L}]");
    static final Set<String> TEXT_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label", "value");
    /** Attributes whose content Thymeleaf replaces, so the element's own text is only a prototype. */
    static final List<String> REPLACING = List.of("th:text", "th:utext", "th:replace", "th:insert", "th:errors");

    @Test
    void bothBundlesHaveTheSameKeys() throws IOException {
        assertThat(bundle("messages_zh_CN.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(
                        bundle("messages.properties").stringPropertyNames());
    }

    @Test
    void aMessageWithArgumentsWritesItsApostrophesTwice() throws IOException {
        // MessageFormat reads a single ' as the start of quoted text: "workspace's {0}" would show "{0}".
        List<String> broken = new ArrayList<>();
        for (String name : List.of("messages.properties", "messages_zh_CN.properties")) {
            Properties bundle = bundle(name);
            for (String key : bundle.stringPropertyNames()) {
                String message = bundle.getProperty(key);
                if (message.matches("(?s).*\\{\\d.*")
                        && message.replace("''", "").contains("'")) {
                    broken.add(name + ": " + key);
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void aMessageWithoutArgumentsWritesItsApostrophesOnce() throws IOException {
        // Without arguments Spring shows the text as it is, so a doubled '' shows doubled.
        List<String> doubled = new ArrayList<>();
        for (String name : List.of("messages.properties", "messages_zh_CN.properties")) {
            Properties bundle = bundle(name);
            for (String key : bundle.stringPropertyNames()) {
                String message = bundle.getProperty(key);
                if (!message.matches("(?s).*\\{\\d.*") && message.contains("''")) {
                    doubled.add(name + ": " + key);
                }
            }
        }
        assertThat(doubled).isEmpty();
    }

    @Test
    void everyKeyUsedInATemplateExistsInBothLanguages() throws IOException {
        Set<String> english = bundle("messages.properties").stringPropertyNames();
        Set<String> chinese = bundle("messages_zh_CN.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        for (Path template : templates()) {
            Matcher matcher = KEY.matcher(Files.readString(template));
            while (matcher.find()) {
                String key = matcher.group(1);
                if (!english.contains(key) || !chinese.contains(key)) {
                    missing.add(TEMPLATES.relativize(template) + ": " + key);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void noTemplateHoldsHardCodedText() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path template : templates()) {
            var document = Jsoup.parse(Files.readString(template));
            for (Element element : document.getAllElements()) {
                if (replaced(element)) {
                    continue;
                }
                for (TextNode text : element.textNodes()) {
                    if (LETTERS.matcher(text.text()).find()) {
                        found.add(TEMPLATES.relativize(template) + " <" + element.tagName() + ">: "
                                + text.text().strip());
                    }
                }
                for (String attribute : TEXT_ATTRIBUTES) {
                    String value = element.attr(attribute);
                    if (!value.isEmpty()
                            && LETTERS.matcher(value).find()
                            && !element.hasAttr("th:" + attribute)
                            && !isCodeValue(element, attribute)) {
                        found.add(TEMPLATES.relativize(template) + " <" + element.tagName() + " " + attribute + ">: "
                                + value);
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theCheckFindsHardCodedText() {
        var document = Jsoup.parse("<p>Hello</p><p th:text=\"#{x}\">Hello</p><input placeholder=\"Name\">");
        Element plain = document.select("p").get(0);
        Element translated = document.select("p").get(1);
        assertThat(!replaced(plain) && LETTERS.matcher(plain.ownText()).find()).isTrue();
        assertThat(replaced(translated)).isTrue();
    }

    /** An element whose body Thymeleaf replaces, or that sits inside one. */
    static boolean replaced(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            for (String attribute : REPLACING) {
                if (e.hasAttr(attribute)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Form values are data sent to the server (e.g. a language code), not visible text. */
    static boolean isCodeValue(Element element, String attribute) {
        return attribute.equals("value")
                && (element.tagName().equals("option") || "hidden".equals(element.attr("type")));
    }

    static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(path -> path.toString().endsWith(".html")).toList();
        }
    }

    static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (var reader =
                new InputStreamReader(MessagesTests.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
