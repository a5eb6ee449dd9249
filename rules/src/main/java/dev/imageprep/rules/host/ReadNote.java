package dev.imageprep.rules.host;

/**
 * What a probe has to say about how it read the data behind a result, said in the evidence of every
 * result that used that data: a registry hive brought up to date from its transaction logs, or one
 * read from a primary file that was not closed cleanly and that no log could bring up to date.
 *
 * @param source the file the note is about, as a path inside the image
 * @param text one sentence for a person
 * @param doubtful true when the data may be older than what the system itself would read: a pass
 *     judged from it is not trusted (fail closed), a failure still stands
 */
public record ReadNote(String source, String text, boolean doubtful) {}
