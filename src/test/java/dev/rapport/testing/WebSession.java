package dev.rapport.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for full-application tests: keeps cookies, follows no redirects, and
 * sends the CSRF token of the last page it loaded with every form it posts.
 */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private String csrf;

    public WebSession(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html")
                .GET()
                .build());
        Matcher matcher = CSRF.matcher(response.body());
        if (matcher.find()) {
            csrf = matcher.group(1);
        }
        return response;
    }

    /** Posts a form with the CSRF token of the last page loaded. */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        return postRaw(path, form, true);
    }

    /** Posts a form, with or without the CSRF token. */
    public HttpResponse<String> postRaw(String path, Map<String, String> form, boolean withCsrf) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        if (withCsrf && csrf != null) {
            body = body + (body.isEmpty() ? "" : "&") + "_csrf=" + encode(csrf);
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /**
     * Signs in through the form and, like every member must, acknowledges the social media policy if
     * asked to; returns where the sign-in redirected to.
     */
    public String signIn(String email, String password) {
        String location = signInOnly(email, password);
        if (!location.contains("/login")) {
            HttpResponse<String> policy = get("/policy");
            if (policy.statusCode() == 200 && policy.body().contains("id=\"acknowledge\"")) {
                post("/policy/acknowledge", Map.of());
            }
        }
        return location;
    }

    /** Signs in through the form without acknowledging anything; returns where it redirected to. */
    public String signInOnly(String email, String password) {
        get("/login");
        HttpResponse<String> response = post("/login", Map.of("email", email, "password", password));
        return response.headers().firstValue("Location").orElse("");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
