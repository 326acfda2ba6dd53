"""Threaded comments: a reply nested under a review is no review of its own.

Comment systems (WordPress, Disqus and the like) nest the answers to a comment in a list named
for them inside the comment's item: `<li class="comment"><div class="comment-body">…</div>
<ul class="children"><li class="comment">…</li></ul></li>`. When such a list (or a block in it)
is read as a review block while the comment it answers is a block too, it is a reply: the
blog's author thanking a reader, a reader answering another's question."""
from __future__ import annotations

import re

# a list of replies: WordPress "children", "replies", "comment-replies", "sub-comments", "answers"
_THREAD = re.compile(r"(?:^|[\s_-])(?:children|replies|reply-list|answers|sub-?comments|child-comments)(?:$|[\s_-])", re.I)


def threaded_reply(block, blocks: list) -> bool:
    """Whether `block` is (or lies, within eight levels, in) a list named for replies whose
    parent holds another of `blocks` outside that list: the comment the list answers."""
    ids = {id(b) for b in blocks}
    for a in [block, *block.iterancestors()][:8]:
        if not _THREAD.search(f'{a.get("class") or ""} {a.get("id") or ""}'):
            continue
        parent = a.getparent()
        if parent is None:
            return False
        inside = {id(d) for d in a.iter()}
        return any(id(d) in ids and id(d) not in inside for d in parent.iter())
    return False
