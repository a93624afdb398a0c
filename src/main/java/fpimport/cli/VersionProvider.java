package fpimport.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/** The version written into the build's {@code fpimport-version.properties}. */
final class VersionProvider implements IVersionProvider {

	@Override
	public String[] getVersion() {
		Properties properties = new Properties();
		try (InputStream in = VersionProvider.class.getResourceAsStream("/fpimport-version.properties")) {
			if (in != null) {
				properties.load(in);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new String[] { "fpimport " + properties.getProperty("version", "unknown"),
				"Java " + System.getProperty("java.version") };
	}

}
