package io.authorworks.content;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sharing a book: accounts are checked with the user-service over HTTP with this
 * service's client-credentials token, roles decide permissions, and other services read
 * membership with their own token.
 */
class MemberIntegrationTests extends ContentIntegrationTest {

	@Test
	void ownerSharesTheBookAndRolesDecideWhatMembersMayDo() {
		Author ada = author("ada");
		Author charles = author("charles");
		String bookId = book(ada, "Shared").get("id").asString();
		String members = "/content/books/" + bookId + "/members";
		int lookups = users.lookups.get();

		Api.Response added = ada.api().post(members, Map.of("userId", charles.id(), "role", "co-author"));
		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		assertThat(added.header("Location")).hasValue(members + "/" + charles.id());
		assertThat(users.lookups.get()).as("the account was checked with the user-service").isGreaterThan(lookups);
		assertThat(users.tokenRequests.get()).isPositive();

		JsonNode access = charles.api().get("/content/books/" + bookId + "/access").json();
		assertThat(access.get("role").asString()).isEqualTo("co-author");
		assertThat(access.get("permissions")).extracting(JsonNode::asString)
			.containsExactlyInAnyOrder("read", "edit", "publish", "export", "generate");
		JsonNode ownerAccess = ada.api().get("/content/books/" + bookId + "/access").json();
		assertThat(ownerAccess.get("permissions")).extracting(JsonNode::asString).contains("manage");

		assertThat(charles.api().get("/content/books").json().get("items"))
			.anySatisfy((b) -> assertThat(b.get("role").asString()).isEqualTo("co-author"));
		chapter(charles, bookId, "Co-written", "Together.");
		assertProblem(charles.api().post(members, Map.of("userId", UUID.randomUUID(), "role", "editor")), 403,
				"forbidden");
		assertProblem(charles.api()
			.with("If-Match", "\"1\"")
			.patch("/content/books/" + bookId, Map.of("visibility", "public")), 403, "forbidden");

		assertProblem(ada.api().post(members, Map.of("userId", charles.id(), "role", "editor")), 409, "conflict");
		Api.Response demoted = ada.api().patch(members + "/" + charles.id(), Map.of("role", "beta-reader"));
		assertThat(demoted.json().get("permissions")).extracting(JsonNode::asString).containsExactly("read");
		assertProblem(charles.api().post("/content/books/" + bookId + "/chapters", Map.of("title", "More")), 403,
				"forbidden");
		assertProblem(ada.api().patch(members + "/" + ada.id(), Map.of("role", "editor")), 422, "validation-failed");
		assertProblem(ada.api().delete(members + "/" + ada.id()), 409, "conflict");

		assertThat(charles.api().delete(members + "/" + charles.id()).status()).as("members may leave").isEqualTo(204);
		assertProblem(charles.api().get("/content/books/" + bookId), 404, "not-found");
	}

	@Test
	void onlyActiveAccountsCanBeAddedAndBadInputChangesNothing() {
		Author ada = author("ada");
		String bookId = book(ada, "Careful").get("id").asString();
		String members = "/content/books/" + bookId + "/members";
		assertProblem(ada.api().post(members, Map.of("userId", UUID.randomUUID(), "role", "editor")), 422,
				"validation-failed");
		UUID suspended = users.register(UUID.randomUUID());
		users.suspend(suspended);
		assertProblem(ada.api().post(members, Map.of("userId", suspended, "role", "editor")), 422, "validation-failed");
		assertProblem(ada.api().post(members, Map.of("userId", author("bo").id(), "role", "owner")), 422,
				"validation-failed");
		assertProblem(ada.api().post(members, Map.of("role", "editor")), 422, "validation-failed");
		JsonNode list = ada.api().get(members).json();
		assertThat(list.get("items")).singleElement()
			.satisfies((m) -> assertThat(m.get("role").asString()).isEqualTo("owner"));
	}

	@Test
	void servicesReadMembershipWithTheirOwnScopedToken() {
		Author ada = author("ada");
		Author bo = author("bo");
		String bookId = book(ada, "Edited together").get("id").asString();
		ada.api().post("/content/books/" + bookId + "/members", Map.of("userId", bo.id(), "role", "editor"));
		Api editor = new Api(base(), issuer.serviceToken("editor-service", List.of("content.read")));
		JsonNode member = editor.get("/internal/books/" + bookId + "/members/" + bo.id()).json();
		assertThat(member.get("role").asString()).isEqualTo("editor");
		assertThat(member.get("permissions")).extracting(JsonNode::asString).contains("edit").doesNotContain("manage");
		assertProblem(editor.get("/internal/books/" + bookId + "/members/" + UUID.randomUUID()), 404, "not-found");

		Api unscoped = new Api(base(), issuer.serviceToken("media-service", List.of("users.read")));
		assertProblem(unscoped.get("/internal/books/" + bookId + "/members/" + bo.id()), 403, "forbidden");
		assertProblem(ada.api().get("/internal/books/" + bookId + "/members/" + bo.id()), 403, "forbidden");
		assertProblem(editor.get("/content/books"), 403, "forbidden");
	}

}
