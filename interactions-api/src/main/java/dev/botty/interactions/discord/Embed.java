package dev.botty.interactions.discord;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A Discord embed, the subset botty uses. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Embed(
        @Nullable String title,
        @Nullable String description,
        @Nullable String url,
        @Nullable Integer color,
        @Nullable Image image,
        @Nullable Image thumbnail,
        @Nullable List<Field> fields,
        @Nullable Footer footer) {

    @Serdeable
    public record Image(String url) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Field(String name, String value, @Nullable Boolean inline) {}

    @Serdeable
    public record Footer(String text) {}

    public static Embed of(String title, String description) {
        return new Embed(title, description, null, null, null, null, null, null);
    }

    public Embed withImage(String imageUrl) {
        return new Embed(title, description, url, color, new Image(imageUrl), thumbnail, fields, footer);
    }

    public Embed withUrl(String link) {
        return new Embed(title, description, link, color, image, thumbnail, fields, footer);
    }

    public Embed withThumbnail(String imageUrl) {
        return new Embed(title, description, url, color, image, new Image(imageUrl), fields, footer);
    }

    public Embed withColor(int rgb) {
        return new Embed(title, description, url, rgb, image, thumbnail, fields, footer);
    }

    public Embed withFields(List<Field> newFields) {
        return new Embed(title, description, url, color, image, thumbnail, List.copyOf(newFields), footer);
    }

    public Embed withFooter(String text) {
        return new Embed(title, description, url, color, image, thumbnail, fields, new Footer(text));
    }
}
