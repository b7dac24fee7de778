// The container healthcheck: one HTTP request to the service inside the same container, exit
// status 0 when it answers as expected, 1 otherwise. Slim images have no curl, and the JRE has no
// compiler for source-file launching, so the image build compiles this file with javac and the
// HEALTHCHECK runs the class on the image's own JRE.
//
// Defaults per module (BOTTY_MODULE is set by the image); each can be overridden:
//   HEALTHCHECK_URL, HEALTHCHECK_METHOD (GET | POST), HEALTHCHECK_EXPECT (status code).
//
// This is a compact source file (JEP 512, final in Java 25): the class is implicit.

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

void main() {
    Map<String, String> env = System.getenv();
    String module = env.getOrDefault("BOTTY_MODULE", "interactions-api");
    Probe probe = switch (module) {
        case "interactions-api" -> new Probe(
                "http://127.0.0.1:" + env.getOrDefault("ENDPOINTS_ALL_PORT", "8090") + "/healthz", "GET", 200);
        default -> new Probe(
                "http://127.0.0.1:" + env.getOrDefault("ENDPOINTS_ALL_PORT", "8091") + "/healthz", "GET", 200);
    };
    String url = env.getOrDefault("HEALTHCHECK_URL", probe.url());
    String method = env.getOrDefault("HEALTHCHECK_METHOD", probe.method());
    int expect = Integer.parseInt(env.getOrDefault("HEALTHCHECK_EXPECT", Integer.toString(probe.expect())));

    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(3))
            .header("Content-Type", "application/json")
            .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody())
            .build();
    try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == expect) {
            IO.println("healthy: " + method + " " + url + " → " + status);
            return;
        }
        IO.println("unhealthy: " + method + " " + url + " → " + status + ", expected " + expect);
    } catch (Exception e) {
        IO.println("unhealthy: " + method + " " + url + " → " + e.getClass().getSimpleName() + " " + e.getMessage());
    }
    System.exit(1);
}

record Probe(String url, String method, int expect) {}
