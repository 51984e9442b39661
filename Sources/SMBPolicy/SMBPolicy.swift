// The SMB client/server configuration schema, OS profiles and the persisted policy store.
