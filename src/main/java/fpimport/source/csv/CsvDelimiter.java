package fpimport.source.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Guesses the delimiter from the header line and the lines after it: the candidate that
 * appears most often in the header, ties broken by how steadily it appears in the next
 * lines; a comma when none appears (a one-column file).
 */
final class CsvDelimiter {

	static final char[] CANDIDATES = { ',', ';', '\t', '|' };

	private CsvDelimiter() {
	}

	/**
	 * @param lines the header line first, then up to a few data lines (blank lines
	 * removed)
	 */
	static char guess(List<String> lines) {
		if (lines.isEmpty()) {
			return ',';
		}
		char best = ',';
		int bestCount = 0;
		int bestSteady = -1;
		for (char candidate : CANDIDATES) {
			int count = count(lines.get(0), candidate);
			if (count == 0) {
				continue;
			}
			int steady = 0;
			for (String line : lines.subList(1, lines.size())) {
				if (count(line, candidate) == count) {
					steady++;
				}
			}
			if (steady > bestSteady || (steady == bestSteady && count > bestCount)) {
				best = candidate;
				bestCount = count;
				bestSteady = steady;
			}
		}
		return best;
	}

	/** Occurrences outside double quotes. */
	static int count(String line, char candidate) {
		int count = 0;
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == candidate && !quoted) {
				count++;
			}
		}
		return count;
	}

	/** The first lines from {@code fromLine} (1-based) on, blank ones left out. */
	static List<String> sample(String text, int fromLine, int max) {
		List<String> lines = new ArrayList<>();
		int lineNumber = 1;
		int start = 0;
		for (int i = 0; i <= text.length() && lines.size() < max; i++) {
			boolean end = i == text.length();
			char c = end ? '\n' : text.charAt(i);
			if (c == '\n' || c == '\r') {
				if (end && start == i) {
					break;
				}
				String line = text.substring(start, i);
				if (lineNumber >= fromLine && !line.isBlank()) {
					lines.add(line);
				}
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				start = i + 1;
				lineNumber++;
			}
		}
		return lines;
	}

}
