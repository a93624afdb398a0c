package fpimport.mapping;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;

/**
 * A mapping file read and checked: the one way a command reads a mapping.
 *
 * @param path the file as given
 * @param text its text, as runs store it
 * @param spec the mapping it holds
 */
public record MappingFile(Path path, String text, MappingSpec spec) {

	public MappingFile {
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(spec, "spec");
	}

	/**
	 * Reads and checks a mapping file.
	 * @throws FpImportException ({@code INVALID_INPUT}) when the file is missing, not
	 * UTF-8 text or cannot be read
	 * @throws InvalidMappingException listing every problem of the mapping
	 */
	public static MappingFile read(Path path) {
		String text;
		try {
			MappingLoader.checkSize(path);
			text = Files.readString(path, StandardCharsets.UTF_8);
		}
		catch (NoSuchFileException ex) {
			throw new FpImportException(Reason.INVALID_INPUT, path + ": no such mapping file",
					"'fpimport init-mapping FILE --type T' writes a starting mapping");
		}
		catch (MalformedInputException ex) {
			throw new FpImportException(Reason.INVALID_INPUT, path + ": not UTF-8 text", "save it as UTF-8", ex);
		}
		catch (IOException ex) {
			throw new FpImportException(Reason.INVALID_INPUT, path + ": cannot read: " + ex.getMessage(),
					"check the file's permissions", ex);
		}
		return new MappingFile(path, text, MappingLoader.parse(text, path.getFileName().toString()));
	}

}
