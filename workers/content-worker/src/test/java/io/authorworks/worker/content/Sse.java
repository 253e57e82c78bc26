package io.authorworks.worker.content;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Reads a server-sent event stream the way a browser's EventSource does, until a terminal
 * event.
 */
final class Sse {

	static final Set<String> TERMINAL = Set.of("completed", "failed", "cancelled");

	private Sse() {
	}

	static List<Event> read(String url, String token, @Nullable String lastEventId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(120))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "text/event-stream");
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		List<Event> events = new ArrayList<>();
		try {
			HttpResponse<InputStream> response = HttpClient.newHttpClient()
				.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("SSE answered " + response.statusCode());
			}
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
				String id = null;
				String type = "message";
				StringBuilder data = new StringBuilder();
				String line;
				while ((line = reader.readLine()) != null) {
					if (line.isEmpty()) {
						if (id != null || !data.isEmpty()) {
							events.add(new Event(id, type, data.toString()));
							if (TERMINAL.contains(type)) {
								break;
							}
						}
						id = null;
						type = "message";
						data.setLength(0);
					}
					else if (line.startsWith("id: ")) {
						id = line.substring(4);
					}
					else if (line.startsWith("event: ")) {
						type = line.substring(7);
					}
					else if (line.startsWith("data: ")) {
						data.append(data.isEmpty() ? "" : "\n").append(line.substring(6));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return events;
	}

	/**
	 * One event.
	 *
	 * @param id its id
	 * @param type its name
	 * @param data its data
	 */
	record Event(@Nullable String id, String type, String data) {

		/** Orders Redis stream ids ({@code millis-sequence}). */
		static int compareIds(String a, String b) {
			String[] x = a.split("-");
			String[] y = b.split("-");
			int first = Long.compare(Long.parseLong(x[0]), Long.parseLong(y[0]));
			return (first != 0) ? first : Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
		}

	}

}
