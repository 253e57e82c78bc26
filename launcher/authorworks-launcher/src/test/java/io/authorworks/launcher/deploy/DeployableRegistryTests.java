package io.authorworks.launcher.deploy;

import java.io.StringReader;

import org.junit.jupiter.api.Test;

import io.authorworks.launcher.LauncherException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeployableRegistryTests {

	private static final String PLATFORM = """
			platform.public-url=${url:b}
			platform.jwks-uri=${url:b}/jwks
			platform.token-uri=${url:b}/token
			""";

	@Test
	void theShippedRegistryStartsTheWorkerOnlyAfterTheContentService() {
		DeployableRegistry registry = DeployableRegistry.load();
		assertThat(registry.deployables()).extracting(Deployable::name)
			.containsSubsequence("content-service", "content-worker");
		Deployable users = registry.get("user-service");
		assertThat(users.port()).isEqualTo(3101);
		assertThat(users.schema()).isEqualTo("users");
		assertThat(users.jar()).isEqualTo("services/user-service/target/user-service.jar");
		assertThat(users.mail()).isTrue();
		assertThat(users.env()).containsEntry("SERVICE_CLIENTS", "${serviceClients}");
		Deployable gateway = registry.get("api-gateway");
		assertThat(gateway.port()).isEqualTo(8080);
		assertThat(gateway.hasSchema()).isFalse();
		// It discovers nothing at start-up, so it starts beside the user-service.
		assertThat(gateway.after()).isEmpty();
		assertThat(registry.get("content-service").after()).isEmpty();
		assertThat(gateway.env()).containsEntry("USER_SERVICE_URL", "${urls:user-service}");
		assertThat(registry.platform("public-url")).isEqualTo("${url:api-gateway}");
		Deployable worker = registry.get("content-worker");
		assertThat(worker.hasSchema()).isFalse();
		assertThat(worker.uses()).isEqualTo("content");
		assertThat(worker.hasDatabase()).isTrue();
		assertThat(worker.after()).isEmpty();
		assertThat(worker.migratedBy()).containsExactly("content-service");
	}

	@Test
	void aDeployableMayUseOnlyASchemaSomeDeployableOwns() {
		assertThatThrownBy(() -> read(PLATFORM + """
				b.jar=b.jar
				b.port=2
				b.uses=nobody
				""")).isInstanceOf(LauncherException.class).hasMessageContaining("which no deployable owns");
		assertThatThrownBy(() -> read(PLATFORM + """
				b.jar=b.jar
				b.port=2
				b.schema=mine
				b.uses=mine
				""")).isInstanceOf(LauncherException.class).hasMessageContaining("cannot also use");
	}

	@Test
	void dependenciesDecideTheOrderNotTheAlphabet() throws Exception {
		DeployableRegistry registry = read(PLATFORM + """
				a.jar=a.jar
				a.port=1
				a.after=c, b
				b.jar=b.jar
				b.port=2
				b.replicas=3
				b.scopes=x.read  x.write
				c.jar=c.jar
				c.port=3
				c.after=b
				""");
		assertThat(registry.deployables()).extracting(Deployable::name).containsExactly("b", "c", "a");
		assertThat(registry.get("b").replicas()).isEqualTo(3);
		assertThat(registry.get("b").scopes()).containsExactly("x.read", "x.write");
		assertThat(registry.get("a").replicas()).isEqualTo(1);
	}

	@Test
	void aDeployableComesAfterTheOwnerOfTheMigrationsItNeeds() throws Exception {
		DeployableRegistry registry = read(PLATFORM + """
				a.jar=a.jar
				a.port=1
				a.migrated-by=b
				b.jar=b.jar
				b.port=2
				""");
		assertThat(registry.deployables()).extracting(Deployable::name).containsExactly("b", "a");
		assertThat(registry.get("a").migratedBy()).containsExactly("b");
		assertThat(registry.get("a").after()).isEmpty();
		assertThatThrownBy(() -> read(PLATFORM + "a.jar=a\na.port=1\na.migrated-by=nobody\n"))
			.hasMessageContaining("unknown deployable nobody");
		assertThatThrownBy(() -> read(PLATFORM + "a.jar=a\na.port=1\na.after=b\nb.jar=b\nb.port=2\nb.migrated-by=a\n"))
			.hasMessageContaining("cycle");
	}

	@Test
	void mistakesAreRejectedWhenTheRegistryIsRead() {
		assertThatThrownBy(() -> read(PLATFORM + "a.jar=a\na.port=1\na.after=b\nb.jar=b\nb.port=2\nb.after=a\n"))
			.isInstanceOf(LauncherException.class)
			.hasMessageContaining("cycle");
		assertThatThrownBy(() -> read(PLATFORM + "a.jar=a\na.port=1\na.after=nobody\n"))
			.hasMessageContaining("unknown deployable nobody");
		assertThatThrownBy(() -> read(PLATFORM + "a.jar=a\na.port=1\na.prot=2\n"))
			.hasMessageContaining("unknown registry key 'a.prot'");
		assertThatThrownBy(() -> read(PLATFORM + "a.jar=a\na.port=1\na.env.X=${nope:b}\n"))
			.hasMessageContaining("unknown placeholder ${nope:b}");
		assertThatThrownBy(() -> read(PLATFORM + "a.jar=a\n")).hasMessageContaining("needs a port");
		assertThatThrownBy(() -> read("a.jar=a\na.port=1\n")).hasMessageContaining("platform.");
	}

	@Test
	void placeholdersAreReplacedByWhatTheLookupAnswers() {
		String resolved = Placeholders.resolve("${url:user-service}/x?s=${secret:K}&c=${serviceClients}",
				(key) -> switch (key) {
					case "url:user-service" -> "http://localhost:3101";
					case "secret:K" -> "s3cr$t";
					case "serviceClients" -> "a:b:c";
					default -> throw new IllegalArgumentException(key);
				});
		assertThat(resolved).isEqualTo("http://localhost:3101/x?s=s3cr$t&c=a:b:c");
	}

	private static DeployableRegistry read(String text) throws Exception {
		return DeployableRegistry.read(new StringReader(text));
	}

}
