package io.authorworks.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Helpers shared by the launcher's integration tests. */
final class TestSupport {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private TestSupport() {
	}

	/** Packs {@link FakeDeployable} into an executable jar. */
	static Path fakeDeployableJar(Path target) throws IOException {
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeDeployable.class.getName());
		String entry = FakeDeployable.class.getName().replace('.', '/') + ".class";
		Files.createDirectories(target.getParent());
		try (OutputStream file = Files.newOutputStream(target);
				JarOutputStream jar = new JarOutputStream(file, manifest);
				InputStream in = FakeDeployable.class.getClassLoader().getResourceAsStream(entry)) {
			if (in == null) {
				throw new IOException("cannot find " + entry);
			}
			jar.putNextEntry(new JarEntry(entry));
			in.transferTo(jar);
			jar.closeEntry();
		}
		return target;
	}

	static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

}
