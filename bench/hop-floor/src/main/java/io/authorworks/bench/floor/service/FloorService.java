package io.authorworks.bench.floor.service;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The empty chapter service. It answers the content-service's chapter read and autosave
 * with the same paths, the same JSON (a copy of the real chapter, seeded by the
 * benchmark) and the same {@code ETag}/{@code If-Match} rule, from memory: no database,
 * no sign-in, no membership check, no revisions, no events, no metrics, traces or access
 * log. Whatever a real read costs beyond this is the platform's own work. The gateway
 * shares its class path; none of it is configured here.
 */
@SpringBootApplication(excludeName = { "org.springframework.cloud.gateway.server.mvc.GatewayServerMvcAutoConfiguration",
		"org.springframework.cloud.gateway.server.mvc.GatewayMvcClassPathWarningAutoConfiguration",
		"org.springframework.cloud.gateway.server.mvc.filter.FilterAutoConfiguration",
		"org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctionAutoConfiguration",
		"org.springframework.cloud.gateway.server.mvc.handler.GatewayMultipartAutoConfiguration",
		"org.springframework.cloud.gateway.server.mvc.predicate.PredicateAutoConfiguration",
		"org.springframework.cloud.gateway.server.mvc.config.DefaultFunctionConfiguration" })
@RestController
public class FloorService {

	private static final String CHAPTER = "/content/books/{bookId}/chapters/{chapterId}";

	private final Map<UUID, Stored> chapters = new ConcurrentHashMap<>();

	/**
	 * Seeds a chapter with the JSON the content-service answered for it.
	 * @param bookId the book
	 * @param chapterId the chapter
	 * @param chapter the content-service's answer
	 * @return {@code 204}
	 */
	@PutMapping(path = "/seed" + CHAPTER, consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Void> seed(@PathVariable UUID bookId, @PathVariable UUID chapterId,
			@RequestBody ObjectNode chapter) {
		this.chapters.put(chapterId, new Stored(bookId, 1, chapter));
		return ResponseEntity.noContent().build();
	}

	@GetMapping(CHAPTER)
	ResponseEntity<ObjectNode> read(@PathVariable UUID bookId, @PathVariable UUID chapterId) {
		Stored stored = this.chapters.get(chapterId);
		if (stored == null || !stored.bookId().equals(bookId)) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok().eTag(stored.etag()).body(stored.chapter());
	}

	@PutMapping(path = CHAPTER + "/content", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ObjectNode> save(@PathVariable UUID bookId, @PathVariable UUID chapterId,
			@RequestHeader("If-Match") String ifMatch, @RequestBody ContentRequest request) {
		Stored[] saved = new Stored[1];
		Stored after = this.chapters.computeIfPresent(chapterId, (id, stored) -> {
			if (!stored.bookId().equals(bookId) || !stored.etag().equals(ifMatch)) {
				return stored;
			}
			ObjectNode chapter = stored.chapter().deepCopy();
			chapter.put("content", request.content());
			chapter.put("version", stored.version() + 1);
			saved[0] = new Stored(bookId, stored.version() + 1, chapter);
			return saved[0];
		});
		if (after == null || !after.bookId().equals(bookId)) {
			return ResponseEntity.notFound().build();
		}
		if (saved[0] == null) {
			return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).build();
		}
		return ResponseEntity.ok().eTag(saved[0].etag()).body(saved[0].chapter());
	}

	public static void main(String[] args) {
		SpringApplication.run(FloorService.class, args);
	}

	/**
	 * An autosave's body.
	 *
	 * @param content the whole chapter's Markdown
	 */
	record ContentRequest(String content) {

		ContentRequest {
			Objects.requireNonNull(content, "content");
		}

	}

	private record Stored(UUID bookId, long version, ObjectNode chapter) {

		String etag() {
			return "\"" + this.version + "\"";
		}

	}

}
