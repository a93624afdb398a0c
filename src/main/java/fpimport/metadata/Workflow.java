package fpimport.metadata;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import fpimport.workitem.MatchKey;

/**
 * The workflow of a template as its template detail gives it, before any item exists: its
 * states (state flow) or nodes (node flow), in order, and the connections between them. A
 * new item starts in {@link #initial()}.
 *
 * @param templateId the template's id
 * @param nodeFlow whether items move by completing nodes rather than by transitions
 * @param states the states or nodes; the initial one first
 * @param connections the moves; a state flow's carry a transition id and the fields their
 * form requires
 */
public record Workflow(String templateId, boolean nodeFlow, List<State> states, List<Connection> connections) {

	public Workflow {
		Objects.requireNonNull(templateId, "templateId");
		states = List.copyOf(states);
		connections = List.copyOf(connections);
		if (states.isEmpty()) {
			throw new IllegalArgumentException("template " + templateId + " has no state or node");
		}
	}

	/** A state or node. */
	public record State(String key, String name) {

		public State {
			Objects.requireNonNull(key, "key");
			name = (name == null) ? key : name;
		}

	}

	/**
	 * A move from one state or node to the next.
	 *
	 * @param transitionId the transition a state change names (0 for node flow)
	 * @param requiredFields the field keys the transition's form requires
	 */
	public record Connection(String from, String to, long transitionId, List<String> requiredFields) {

		public Connection {
			Objects.requireNonNull(from, "from");
			Objects.requireNonNull(to, "to");
			requiredFields = List.copyOf(requiredFields);
		}

	}

	/** The state or node a new item starts in. */
	public State initial() {
		return this.states.get(0);
	}

	/** The state with this key or name (names compared as {@link MatchKey} does). */
	public Optional<State> state(String keyOrName) {
		String wanted = MatchKey.of(keyOrName);
		return this.states.stream()
			.filter((state) -> state.key().equals(keyOrName) || MatchKey.of(state.name()).equals(wanted))
			.findFirst()
			.or(() -> this.states.stream().filter((state) -> MatchKey.of(state.key()).equals(wanted)).findFirst());
	}

	/**
	 * The shortest way from one state or node to another, one connection per hop; empty
	 * when {@code to} cannot be reached, an empty list when they are the same.
	 */
	public Optional<List<Connection>> path(String from, String to) {
		Map<String, Connection> cameBy = new HashMap<>();
		Deque<String> queue = new ArrayDeque<>();
		queue.add(from);
		cameBy.put(from, null);
		while (!queue.isEmpty()) {
			String state = queue.poll();
			if (state.equals(to)) {
				List<Connection> hops = new ArrayList<>();
				for (Connection hop = cameBy.get(to); hop != null; hop = cameBy.get(hop.from())) {
					hops.add(hop);
				}
				Collections.reverse(hops);
				return Optional.of(List.copyOf(hops));
			}
			for (Connection connection : this.connections) {
				if (connection.from().equals(state) && !cameBy.containsKey(connection.to())) {
					cameBy.put(connection.to(), connection);
					queue.add(connection.to());
				}
			}
		}
		return Optional.empty();
	}

	/** The names of the states or nodes, for messages. */
	public List<String> names() {
		return this.states.stream().map(State::name).toList();
	}

}
