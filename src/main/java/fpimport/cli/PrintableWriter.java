package fpimport.cli;

import java.io.IOException;
import java.io.Writer;

import fpimport.workitem.Printable;

/**
 * Standard output and error as the commands write them: line breaks pass, every other
 * control character is escaped ({@link Printable}), so nothing read from a file reaches
 * the terminal as an escape sequence, whichever command prints it.
 */
final class PrintableWriter extends Writer {

	private static final boolean CRLF = System.lineSeparator().indexOf('\r') >= 0;

	private final Writer out;

	PrintableWriter(Writer out) {
		super(out);
		this.out = out;
	}

	@Override
	public void write(char[] buffer, int offset, int length) throws IOException {
		int start = offset;
		int end = offset + length;
		for (int i = offset; i < end; i++) {
			char c = buffer[i];
			if (!Printable.isControl(c) || c == '\n' || (c == '\r' && CRLF)) {
				continue;
			}
			this.out.write(buffer, start, i - start);
			this.out.write(Printable.line(String.valueOf(c)));
			start = i + 1;
		}
		this.out.write(buffer, start, end - start);
	}

	@Override
	public void flush() throws IOException {
		this.out.flush();
	}

	@Override
	public void close() throws IOException {
		this.out.close();
	}

}
