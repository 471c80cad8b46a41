print("supervisord")
