using System.ComponentModel.DataAnnotations;

namespace DogMonitor.Worker.Messaging;

public enum MessagingTransport
{
    /// <summary>In the process: the embedded default, with the pipeline inside the web app.</summary>
    InMemory,

    /// <summary>RabbitMQ: production, with workers as separate processes.</summary>
    RabbitMq,
}

/// <summary>How web and workers talk (section <c>Messaging</c>).</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    public MessagingTransport Transport { get; set; } = MessagingTransport.InMemory;

    [Required]
    public string Host { get; set; } = "localhost";

    [Range(1, 65535)]
    public int Port { get; set; } = 5672;

    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";

    /// <summary>
    /// How long a publish may wait for the broker. MassTransit holds a publish until the broker is back; a request that
    /// publishes (a new clip's job, a snapshot's news) must answer meanwhile: the row is the truth, and what was not
    /// published goes out again later.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Prefix for queue and exchange names, so several installations can share one broker without seeing each
    /// other's messages. Every process of one installation must use the same prefix.
    /// </summary>
    [RegularExpression("^[a-z0-9-]*$")]
    public string EndpointPrefix { get; set; } = "";
}
