package dev.botty.interactions.command;

import java.util.concurrent.CompletionStage;

/**
 * Answers clicks on the buttons of the messages botty posted ({@code MESSAGE_COMPONENT}
 * interactions), by their custom id. Each bean claims the ids it knows.
 */
public interface ComponentHandler {
    /** Whether clicks on {@code customId} are this handler's. */
    boolean handles(String customId);

    /** What the click does: usually the message as it should now look ({@link Reply#updatesMessage()}), or a refusal for the clicker alone. */
    CompletionStage<Reply> click(Invocation invocation);
}
