package fpimport.workitem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The names near a name that matched none: the few candidates a user most likely meant,
 * for a message such as {@code did you mean 优先级 Priority (priority)?}. Names are compared
 * by their {@link MatchKey} with spaces, {@code _} and {@code -} left out, and a name is
 * also compared word by word, so that {@code Priorty} is near the bilingual
 * {@code 优先级 Priority}. A name is near when its edit distance (Levenshtein) is at most
 * none for one character, one for up to four, two for up to eight and three beyond, or
 * when one contains the other (three characters or more, or two that are not ASCII).
 */
public final class NearMatch {

	/** The most candidates a suggestion names. */
	public static final int MAX_SUGGESTIONS = 3;

	private static final int TOO_FAR = Integer.MAX_VALUE;

	private static final Pattern DIGITS = Pattern.compile("[0-9]+");

	private NearMatch() {
	}

	/**
	 * The candidates near a text, nearest first (ties in the candidates' order), at most
	 * {@value #MAX_SUGGESTIONS}; only those of the smallest distance found are kept.
	 * @param wanted the text that matched nothing
	 * @param candidates what it could have meant
	 * @param names the names of a candidate (label, key, id), any of which may be near
	 * @return the near candidates, empty when none is near
	 */
	public static <T> List<T> among(String wanted, Collection<T> candidates,
			Function<? super T, ? extends Collection<String>> names) {
		String key = compact(wanted);
		if (key.isEmpty()) {
			return List.of();
		}
		record Scored<T>(T candidate, int distance, int order) {
		}
		List<Scored<T>> near = new ArrayList<>();
		int order = 0;
		for (T candidate : candidates) {
			int best = TOO_FAR;
			for (String name : names.apply(candidate)) {
				best = Math.min(best, distance(key, name));
			}
			if (best != TOO_FAR) {
				near.add(new Scored<>(candidate, best, order));
			}
			order++;
		}
		if (near.isEmpty()) {
			return List.of();
		}
		int nearest = near.stream().mapToInt(Scored::distance).min().getAsInt();
		return near.stream()
			.filter((scored) -> scored.distance() == nearest)
			.sorted(Comparator.comparingInt(Scored<T>::order))
			.limit(MAX_SUGGESTIONS)
			.map(Scored::candidate)
			.toList();
	}

	/** The texts near a text, as {@link #among} finds them among plain names. */
	public static List<String> among(String wanted, Collection<String> names) {
		return among(wanted, names, List::of);
	}

	/**
	 * The words of a message that name the near candidates: {@code did you mean A?},
	 * {@code did you mean A or B?}, or the empty text when there are none.
	 */
	public static String suggestion(List<String> labels) {
		if (labels.isEmpty()) {
			return "";
		}
		if (labels.size() == 1) {
			return "did you mean " + labels.get(0) + "?";
		}
		return "did you mean " + String.join(", ", labels.subList(0, labels.size() - 1)) + " or "
				+ labels.get(labels.size() - 1) + "?";
	}

	/**
	 * A short list for a message: the first {@code most} labels, then how many more there
	 * are ({@code P0, P1, P2 and 7 more}).
	 */
	public static String shortList(List<String> labels, int most) {
		if (labels.size() <= most) {
			return String.join(", ", labels);
		}
		return String.join(", ", labels.subList(0, most)) + " and " + (labels.size() - most) + " more";
	}

	/**
	 * How far a compact key is from a name: the smallest distance to the whole name or
	 * one of its words, or {@link #TOO_FAR} when it is not near.
	 */
	private static int distance(String key, String name) {
		String whole = compact(name);
		if (!key.equals(whole) && otherNumbers(key, whole)) {
			return TOO_FAR;
		}
		int best = nearness(key, whole);
		String normal = MatchKey.of(name);
		String[] words = normal.split("[\\s_\\-/()（）]+");
		if (words.length > 1) {
			for (String word : words) {
				best = Math.min(best, nearness(key, compact(word)));
			}
		}
		return best;
	}

	private static int nearness(String key, String name) {
		if (name.isEmpty()) {
			return TOO_FAR;
		}
		if (key.equals(name)) {
			return 0;
		}
		if (otherNumbers(key, name)) {
			return TOO_FAR;
		}
		int allowed = allowed(Math.min(key.codePointCount(0, key.length()), name.codePointCount(0, name.length())));
		Integer distance = new LevenshteinDistance(allowed).apply(key, name);
		if (distance >= 0) {
			return distance;
		}
		// the text is part of the name: 优先级 of 优先级Priority, points of storypoints
		boolean longEnough = key.length() >= 3 || (key.length() == 2 && key.chars().anyMatch((c) -> c > 0x7f));
		if (longEnough && name.contains(key)) {
			return allowed + 1;
		}
		return TOO_FAR;
	}

	/** P5 and P0, Sprint 4 and Sprint 5: other numbers are other values, not typos. */
	private static boolean otherNumbers(String key, String name) {
		return DIGITS.matcher(key).replaceAll("#").equals(DIGITS.matcher(name).replaceAll("#"));
	}

	/**
	 * The edits allowed between texts of a length: none for one character, 1 up to 4
	 * characters, 2 up to 8, then 3.
	 */
	static int allowed(int length) {
		if (length <= 1) {
			return 0;
		}
		if (length <= 4) {
			return 1;
		}
		return (length <= 8) ? 2 : 3;
	}

	/** The match key of a text without spaces, {@code _} and {@code -}. */
	static String compact(String text) {
		String key = MatchKey.of(text);
		StringBuilder compact = new StringBuilder(key.length());
		key.codePoints()
			.filter((c) -> !Character.isWhitespace(c) && c != '_' && c != '-')
			.forEach(compact::appendCodePoint);
		return compact.toString();
	}

}
