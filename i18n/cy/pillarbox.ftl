app-name = Pillarbox
