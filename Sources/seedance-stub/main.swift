print("seedance-stub: not yet")
