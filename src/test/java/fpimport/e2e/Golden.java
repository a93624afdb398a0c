package fpimport.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares a text with a golden file under {@code src/test/resources/e2e/}; on a
 * difference the actual text is written to {@code target/} for a diff.
 */
final class Golden {

	private Golden() {
	}

	static void assertMatches(String golden, Map<String, String> placeholders, String actual) {
		String expected = CsvSheet.resource(golden, placeholders);
		if (!expected.equals(actual)) {
			try {
				Files.createDirectories(Path.of("target"));
				Files.writeString(Path.of("target", golden + ".actual"), actual, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		assertThat(List.of(actual.split("\n", -1))).containsExactlyElementsOf(List.of(expected.split("\n", -1)));
	}

}
