package dev.botty.lavalink;

import dev.botty.lavalink.protocol.v4.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Records what a node or a cluster tells its listener, and waits for it (never sleeping for correctness). */
final class Recorder implements NodeListener, ClusterListener {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    record StateChange(String node, NodeState previous, NodeState current) {}

    record Lost(String node, String sessionId) {}

    record Moved(long guildId, String from, String to) {}

    record PlayerLost(long guildId, String from, Throwable cause) {}

    private final List<Message> messages = new ArrayList<>();
    private final List<StateChange> states = new ArrayList<>();
    private final List<Lost> lostSessions = new ArrayList<>();
    private final List<Moved> moves = new ArrayList<>();
    private final List<PlayerLost> playersLost = new ArrayList<>();

    @Override
    public synchronized void onMessage(LavalinkNode node, Message message) {
        messages.add(message);
        notifyAll();
    }

    @Override
    public synchronized void onStateChanged(LavalinkNode node, NodeState previous, NodeState current) {
        states.add(new StateChange(node.name(), previous, current));
        notifyAll();
    }

    @Override
    public void onNodeStateChanged(LavalinkNode node, NodeState previous, NodeState current) {
        onStateChanged(node, previous, current);
    }

    @Override
    public synchronized void onSessionLost(LavalinkNode node, String lostSessionId) {
        lostSessions.add(new Lost(node.name(), lostSessionId));
        notifyAll();
    }

    @Override
    public synchronized void onPlayerMoved(long guildId, LavalinkNode from, LavalinkNode to) {
        moves.add(new Moved(guildId, from.name(), to.name()));
        notifyAll();
    }

    @Override
    public synchronized void onPlayerLost(long guildId, LavalinkNode from, Throwable cause) {
        playersLost.add(new PlayerLost(guildId, from.name(), cause));
        notifyAll();
    }

    synchronized List<Message> messages() {
        return List.copyOf(messages);
    }

    synchronized List<StateChange> states() {
        return List.copyOf(states);
    }

    synchronized List<Lost> lostSessions() {
        return List.copyOf(lostSessions);
    }

    synchronized List<Moved> moves() {
        return List.copyOf(moves);
    }

    synchronized List<PlayerLost> playersLost() {
        return List.copyOf(playersLost);
    }

    /** The first message of this type that matches, received already or still to come. */
    <T extends Message> T await(Class<T> type, Predicate<T> match) throws InterruptedException {
        return await(() -> messages.stream().filter(type::isInstance).map(type::cast).filter(match).findFirst(),
                "a " + type.getSimpleName());
    }

    <T extends Message> T await(Class<T> type) throws InterruptedException {
        return await(type, message -> true);
    }

    /** The {@code n}th (counting from 1) message of this type that matches. */
    <T extends Message> T awaitNth(int n, Class<T> type, Predicate<T> match) throws InterruptedException {
        return await(() -> messages.stream().filter(type::isInstance).map(type::cast).filter(match).skip(n - 1).findFirst(),
                "message " + n + " of type " + type.getSimpleName());
    }

    /** Waits for the node to reach this state (again: counted from the {@code n}th time). */
    void awaitState(String node, NodeState state, int n) throws InterruptedException {
        await(() -> states.stream().filter(s -> s.node().equals(node) && s.current() == state).skip(n - 1).findFirst(),
                node + " " + state + " #" + n);
    }

    void awaitState(String node, NodeState state) throws InterruptedException {
        awaitState(node, state, 1);
    }

    Lost awaitSessionLost() throws InterruptedException {
        return await(() -> lostSessions.stream().findFirst(), "a lost session");
    }

    Moved awaitMove(long guildId) throws InterruptedException {
        return await(() -> moves.stream().filter(m -> m.guildId() == guildId).findFirst(), "a move of " + guildId);
    }

    synchronized <T> T await(Supplier<Optional<T>> probe, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("waited " + TIMEOUT + " for " + what + "; states " + states + ", messages "
                        + messages.stream().map(m -> m.getClass().getSimpleName()).toList());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
