"""Pure helpers of the registry: no I/O, no database, no framework.

- `content`: checks and hashes of a version's content, and the engine analysis stored with it;
- `templating`: binding `{{variables}}` into a version (not to be confused with `app.engine.render`,
  which renders a prompt per model family);
- `diff`: comparing two versions;
- `formats`: the import/export document formats (JSON and Markdown).
"""
