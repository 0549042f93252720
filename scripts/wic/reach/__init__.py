"""Reaching people beyond the kiosk: phones on the centre's Wi-Fi (lan), signed USB updates
(keys, bundle, install), and Kiwix files to take away (zim). `cli.add_parsers` registers the
commands with `wic`."""
