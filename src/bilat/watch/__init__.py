"""Keeping a store current from folders that articles are dropped into (``bilat watch``, ``bilat serve --watch``).

    folders   what the folders hold now: each article file's size and modification time, and which have settled
    rounds    one round: store the new and changed files, withdraw the deleted ones, update the record; and the loop

What has been stored from each file is in the store (``store.watched``), so
a watcher restarted, or killed and started again, reads only what changed.
"""
