"""The workbench in a browser for a whole desk (`workbench serve`): textual-serve behind a sign-in.

server.py runs the sessions, session.py the cookie and the pages; the users live in store/users.py.
"""
