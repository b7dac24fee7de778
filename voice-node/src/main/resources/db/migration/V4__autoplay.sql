-- /autoplay: when the queue runs out, queue a related track. A setting the guild keeps.
ALTER TABLE guild ADD COLUMN autoplay INTEGER NOT NULL DEFAULT 0 CHECK (autoplay IN (0, 1));
